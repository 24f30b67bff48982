#!/usr/bin/env node
// Committed entry point (the compiled server lives in dist/, built by `npm install`).
import '../dist/bin.js';
