import { useEffect, useState } from 'preact/hooks';
import type { ReaderArticle } from '../../core/context';
import { send } from '../../platform/messaging';
import { ReaderView } from '../components/ReaderView';
import { mountPage, prepareDocument } from '../connect';
import { readerParams } from '../format';
import '../styles.css';

/** Opened as ../reader/index.html?article=<id>&sentence=<n> (see readerHref in ../format). */
const { articleId, sentence } = readerParams(location.search);

function Reader() {
  const [article, setArticle] = useState<ReaderArticle | null | undefined>(articleId === null ? null : undefined);
  useEffect(() => {
    if (articleId === null) return;
    void send({ type: 'ui:get-article', articleId }).then((r) => setArticle(r.ok ? r.value : null));
  }, []);
  useEffect(() => {
    if (article) prepareDocument('readerDocumentTitle', article.title);
  }, [article]);
  return <ReaderView article={article} sentence={sentence} />;
}

mountPage('readerSubtitle', <Reader />);
