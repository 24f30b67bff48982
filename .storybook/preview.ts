import type { Preview } from '@storybook/web-components-vite';
import '../packages/elements/src/index.js';

const preview: Preview = {
  parameters: { layout: 'padded' },
  // Each story starts from an empty form: drafts saved by an earlier story are not restored.
  beforeEach: () => localStorage.clear(),
};

export default preview;
