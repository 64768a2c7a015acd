/** The one-time question about reading memory, in the popup and the side panel, until the reader answers it (either way). */
import type { CorpusStatus } from '../../core/messages';
import type { GlobalSettings } from '../../core/settings';
import { optionsHref } from '../format';
import { useLocale } from '../i18n';

export interface MemoryAskProps {
  /** null while loading: nothing is shown. */
  settings: GlobalSettings | null | undefined;
  status: CorpusStatus | null;
  /** Saves the answer: `{memory: true, memoryAsked: true}` for yes, `{memoryAsked: true}` for not now. */
  onAnswer: (patch: Partial<GlobalSettings>) => void;
}

export function MemoryAsk({ settings, status, onAnswer }: MemoryAskProps) {
  const { t } = useLocale();
  // Asked once: not again once answered, nor when the reader turned memory on in the options; and not
  // while storage is read-only, where the answer could not be saved.
  if (!settings || settings.memoryAsked || settings.memory || status?.readOnly) return null;
  return (
    <section class="nc-card nc-memory-ask" data-testid="memory-ask" aria-labelledby="memory-ask-h">
      <h2 class="nc-section-title" id="memory-ask-h">
        {t('memoryHeading')}
      </h2>
      <p>{t('memoryAsk')}</p>
      <div class="nc-memory-actions">
        <button type="button" class="nc-button" data-testid="memory-ask-yes" onClick={() => onAnswer({ memory: true, memoryAsked: true })}>
          {t('memoryAskYes')}
        </button>{' '}
        <button
          type="button"
          class="nc-button nc-button-secondary"
          data-testid="memory-ask-no"
          onClick={() => onAnswer({ memoryAsked: true })}
        >
          {t('memoryAskNo')}
        </button>
      </div>
      <p class="nc-hint">
        <a href={optionsHref('memory')} target="_blank" rel="noopener" data-testid="memory-ask-options">
          {t('memoryAskOptions')}
        </a>
      </p>
    </section>
  );
}
