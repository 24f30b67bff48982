import { localize, type Lang, type LocalizedText } from './text.js';

/**
 * The one base class for errors thutuc throws at people (bad command lines, unreadable
 * records, refused input): the message in both languages, with `message` in English for
 * logs and stack traces. Each subclass sets `name` itself so that it survives minification.
 * Problems in catalogue files are not thrown: they are diagnostics.
 */
export class ThutucError extends Error {
  override name = 'ThutucError';
  readonly text: LocalizedText;

  constructor(text: LocalizedText, options?: ErrorOptions) {
    super(text.en, options);
    this.text = text;
  }

  /** The message in the reader's language. */
  messageIn(lang: Lang): string {
    return localize(this.text, lang);
  }
}
