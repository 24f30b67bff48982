// Config of `cem analyze` (custom-elements.json for editors and framework wrappers).
// The build writes the manifest (scripts/manifest.js); test/manifest.test.ts checks the
// committed one is current.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  litelement: true,
  // package.json already names the manifest; writing a copy elsewhere (the test does) must not
  // point it there.
  packagejson: false,
  plugins: [
    {
      // Private members (`#state`, `private`) and `_`-prefixed names are not the element's API;
      // classes marked `@internal` are left out by the analyzer itself.
      name: 'hide-internal-state',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules ?? []) {
          for (const decl of mod.declarations ?? []) {
            if (decl.attributes) decl.attributes = decl.attributes.filter((a) => !a.name.startsWith('_'));
            if (decl.members) decl.members = decl.members.filter((m) => !m.name.startsWith('_') && !m.name.startsWith('#') && m.privacy !== 'private');
          }
        }
      },
    },
    {
      // Files are found in directory order, which differs between file systems; sort them so the
      // same sources give the same manifest everywhere.
      name: 'stable-module-order',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};
