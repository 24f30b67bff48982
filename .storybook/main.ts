import type { StorybookConfig } from '@storybook/web-components-vite';

// Stories live next to the elements; one story per catalogue procedure is generated from the
// built catalogue (packages/elements/scripts/catalogue-stories.js) before Storybook starts.
const config: StorybookConfig = {
  stories: ['../packages/elements/stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
