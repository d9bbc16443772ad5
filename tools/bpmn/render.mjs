#!/usr/bin/env node
/**
 * Renders a BPMN model to a PNG the way Camunda Modeler and Cockpit draw it (bpmn-js), to check
 * by eye that its diagram interchange is readable, and to publish it in the docs.
 *
 *   cd tools/bpmn && npm ci
 *   node tools/bpmn/render.mjs processes/support-ticket.bpmn docs/images/support-ticket.png
 *
 * Options (after the two paths): --scale=<n> device pixel ratio (default 1.5; 1 gives a smaller
 * file), --margin=<px> white space around the diagram (default 30), --region=x,y,width,height
 * renders only that part (diagram coordinates; to look at details).
 *
 * Needs a Chromium on the PATH (Debian: `apt-get install -y chromium`; or set CHROMIUM=/path).
 * Fails (exit 1, picture still written) when bpmn-js reports import errors or warnings.
 * How: writes a throw-away HTML page that loads bpmn-js's NavigatedViewer bundle from
 * node_modules and the diagram (inlined, so no fetch over file:// is needed), sizes the window to
 * the diagram's extent and lets headless Chromium take a screenshot. Nothing goes to the network.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const options = Object.fromEntries(args.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=')));
const [input, output] = args.filter((a) => !a.startsWith('--'));
if (!input || !output) {
  console.error('usage: node tools/bpmn/render.mjs <model.bpmn> <picture.png> [--scale=1.5] [--margin=30] [--region=x,y,w,h]');
  process.exit(2);
}
const scale = Number(options.scale ?? 1.5);
const margin = Number(options.margin ?? 30);

const xml = readFileSync(input, 'utf8');

// Extent of everything drawn: shapes, labels and waypoints (any namespace prefix).
const xs = [], ys = [];
for (const m of xml.matchAll(/<(?:\w+:)?Bounds\b([^>]*)>/g)) {
  const a = attrs(m[1]);
  xs.push(a.x, a.x + a.width);
  ys.push(a.y, a.y + a.height);
}
for (const m of xml.matchAll(/<(?:\w+:)?waypoint\b([^>]*)>/g)) {
  const a = attrs(m[1]);
  xs.push(a.x);
  ys.push(a.y);
}
if (!xs.length) {
  console.error(`${input} has no diagram interchange (BPMNDI); run tools/bpmn/layout.mjs first`);
  process.exit(1);
}
let box = { x: Math.min(...xs), y: Math.min(...ys) };
box.width = Math.max(...xs) - box.x;
box.height = Math.max(...ys) - box.y;
if (options.region) {
  const [x, y, w, h] = options.region.split(',').map(Number);
  box = { x, y, width: w, height: h };
}
const width = Math.ceil(box.width + 2 * margin);
const height = Math.ceil(box.height + 2 * margin);

const bpmnJs = join(here, 'node_modules', 'bpmn-js', 'dist');
if (!existsSync(bpmnJs)) {
  console.error(`missing ${bpmnJs}: run "npm ci" in tools/bpmn first`);
  process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), 'bpmn-render-'));
try {
  const page = join(work, 'index.html');
  writeFileSync(page, `<!doctype html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="${pathToFileURL(join(bpmnJs, 'assets', 'bpmn-js.css'))}">
<link rel="stylesheet" href="${pathToFileURL(join(bpmnJs, 'assets', 'diagram-js.css'))}">
<link rel="stylesheet" href="${pathToFileURL(join(bpmnJs, 'assets', 'bpmn-font', 'css', 'bpmn.css'))}">
<style>html, body { margin: 0; background: #fff; overflow: hidden; }
#canvas { width: ${width}px; height: ${height}px; }
.djs-container { background: #fff; }</style>
<script src="${pathToFileURL(join(bpmnJs, 'bpmn-navigated-viewer.production.min.js'))}"></script>
</head><body><div id="canvas"></div>
<script>
  const viewer = new BpmnJS({ container: '#canvas' });
  viewer.importXML(${JSON.stringify(xml)}).then(({ warnings }) => {
    const canvas = viewer.get('canvas');
    canvas.viewbox({ x: ${box.x - margin}, y: ${box.y - margin}, width: ${width}, height: ${height} });
    document.body.dataset.status = warnings.length ? 'warnings: ' + warnings.map(w => w.message).join('; ') : 'ok';
  }).catch((err) => {
    document.body.dataset.status = 'error: ' + err.message;
  });
</script></body></html>`);

  const chromium = options.chromium ?? process.env.CHROMIUM ?? 'chromium';
  const flags = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--hide-scrollbars',
    '--allow-file-access-from-files', `--user-data-dir=${join(work, 'profile')}`,
    `--force-device-scale-factor=${scale}`
  ];
  const run = (...more) => execFileSync(chromium, [...flags, ...more], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();

  // First pass (DOM only): did bpmn-js import the model cleanly (the same import Cockpit does)?
  const dom = run('--virtual-time-budget=5000', `--window-size=${width},${height}`, '--dump-dom', pathToFileURL(page).href);
  const status = (dom.match(/data-status="([^"]*)"/) || [, 'no result (bpmn-js did not load?)'])[1];
  if (status !== 'ok') {
    console.error(`${input}: bpmn-js import: ${status}`);
    process.exitCode = 1;
  }

  const png = resolve(output);
  mkdirSync(dirname(png), { recursive: true });
  // The canvas has the diagram's size in CSS pixels; headless Chromium's viewport is smaller
  // than --window-size, but the screenshot covers the whole window, so it shows all of it.
  run('--virtual-time-budget=5000', `--window-size=${width},${height}`,
    `--screenshot=${png}`, pathToFileURL(page).href);
  console.log(`${output}: ${width}x${height} diagram units at scale ${scale}, ${statSync(png).size} bytes`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function attrs(text) {
  const a = {};
  for (const m of text.matchAll(/(\w+)="([^"]*)"/g)) a[m[1]] = Number(m[2]);
  return a;
}
