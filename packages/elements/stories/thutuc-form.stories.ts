import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import * as birth from '@thutuc/catalogue/procedures/ho-tich.dang-ky-khai-sinh';
import * as copies from '@thutuc/catalogue/procedures/ho-tich.cap-ban-sao-trich-luc-ho-tich';
import type { CompiledProcedure, ThutucForm } from '../src/index.js';

/** <thutuc-form> with compiled procedures passed as a property (the developer's way). */
const meta: Meta = {
  title: 'Elements/thutuc-form',
  component: 'thutuc-form',
  render: (args) =>
    html`<thutuc-form .procedure=${args.procedure as CompiledProcedure} lang=${args.lang as string} today="2026-07-20"></thutuc-form>`,
  args: { procedure: birth, lang: 'vi' },
  argTypes: { lang: { control: 'inline-radio', options: ['vi', 'en'] }, procedure: { control: false } },
};
export default meta;

type Story = StoryObj;

const form = (canvasElement: HTMLElement) => canvasElement.querySelector('thutuc-form') as ThutucForm;
const shadow = (canvasElement: HTMLElement) => form(canvasElement).shadowRoot!;

export const Vietnamese: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('.progress')?.textContent).toMatch(/^Bước 1\//));
  },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('.progress')?.textContent).toMatch(/^Step 1 of /));
  },
};

/** Pressing Continue on an empty step: the error summary takes focus and lists every missing answer. */
export const Errors: Story = {
  play: async ({ canvasElement }) => {
    const root = shadow(canvasElement);
    await waitFor(() => expect(root.querySelector('button[type=submit]')).toBeTruthy());
    await userEvent.click(root.querySelector('button[type=submit]')!);
    await waitFor(() => expect(root.activeElement?.classList.contains('error-summary')).toBe(true));
    await expect(root.querySelectorAll('.error-summary a').length).toBeGreaterThan(3);
  },
};

/** Theming through --thutuc-* custom properties only. */
export const Themed: Story = {
  render: () => html`<div style="--thutuc-color-primary:#7a1f1f; --thutuc-radius:6px; --thutuc-font-family: Georgia, serif">
    <thutuc-form .procedure=${copies as unknown as CompiledProcedure} today="2026-07-20"></thutuc-form>
  </div>`,
};
