#!/usr/bin/env node
// `npm start` runs this after building: serves the example agency site on localhost.
import { startSite } from './server.js';

const port = Number(process.env.PORT ?? 8080);
// PROVINCE=01 applies that province's council-set fee amounts, when the catalogue has them.
const site = await startSite({ port, province: process.env.PROVINCE });
console.log(`Trang mẫu của cơ quan / example agency site: ${site.url}/
  trang thường / plain page:      ${site.url}/index.html
  CSP nghiêm ngặt / strict CSP:   ${site.url}/csp.html
  tiếp nhận hồ sơ / intake:       POST ${site.url}/api/submissions
Ctrl+C để dừng / to stop.`);
