#!/usr/bin/env node
/**
 * Gives BPMN models fresh, readable diagram interchange (BPMNDI), so they open in Camunda Modeler
 * and render in Cockpit. Rerunnable: it replaces whatever BPMNDI a file has.
 *
 *   cd tools/bpmn && npm ci
 *   node tools/bpmn/layout.mjs processes/support-ticket.bpmn [more.bpmn ...]
 * then look at the result and lint it:
 *   node tools/bpmn/render.mjs processes/support-ticket.bpmn docs/images/support-ticket.png
 *   cd tools/bpmn && npm run lint
 *
 * Rewrites each file in place. Only the <bpmndi:BPMNDiagram> part (and the xmlns:bpmndi/dc/di
 * declarations it needs) changes; the semantic XML (ids, names, conditions, camunda: attributes,
 * listeners, comments, formatting) stays byte for byte as it was, and the script checks that.
 *
 * How:
 *  1. bpmn-auto-layout places the elements on a grid (rows and columns of its output), one grid
 *     per scope: the process and each embedded sub-process (it lays sub-processes out collapsed
 *     and their contents as separate grids, which is what is used here).
 *     Its DI is not used as it is: it writes fractional coordinates, no label bounds, boundary
 *     events that overlap each other (two on one task sit 33 px apart and are 36 px wide), and
 *     flows out of boundary events that run back over themselves; other flows are drawn on top
 *     of each other and labels land on lines.
 *  2. Scope by scope, innermost first, the script computes its own coordinates from that grid:
 *     column widths and row heights from what they hold, every centre on a 10 px raster, empty
 *     rows and columns dropped. Two fixes to the grid first: a node that sits in a row between
 *     two nodes a flow connects directly (gateway, one branch's task, the next node of another
 *     branch) gets a row of its own above (below if it carries boundary events), and a node
 *     that only loops back moves under or over the gateway it comes from. An expanded
 *     sub-process is then sized to its laid-out contents plus padding (more at the top, where
 *     bpmn-js writes its name) and is one big node in its parent's grid; its row runs through
 *     its start event, so the flow in, the flow inside and the flow out read as one line.
 *     bpmn-auto-layout puts what follows a boundary event right of the host, one row lower per
 *     event; under a wide sub-process, when each of its events starts a chain of its own and
 *     they fit side by side, the chains go right under the box instead (the box spans their
 *     columns), each below its event.
 *  3. Boundary events sit on the bottom edge of their host, spaced so they do not touch: above
 *     their chains where those were tucked under a sub-process; else on a sub-process together
 *     at its right end, with room for a label between their flows; the one whose flow goes
 *     furthest down is leftmost so that their flows do not cross.
 *  4. Every sequence flow is routed orthogonally by an A* search over a 10 px raster that goes
 *     around shapes and weighs length, bends, crossings and running along or right beside other
 *     flows, scope by scope: a sub-process box is an obstacle like a task for the flows around
 *     it, and the flows inside it are routed within its border (and not through its name).
 *     Forward flows along a row are routed first, then short ones, loops back last. Flows
 *     leave boundary events downwards and enter tasks from the left where they can. Two flows
 *     out of the same gateway corner share a trunk and branch later, except a default flow: it
 *     gets a line of its own (from the middle of a diamond edge if need be), because bpmn-js
 *     draws the default mark where the flow leaves the gateway. Two flows into the same node
 *     may join before it, but not head-on.
 *  5. Labels of events, gateways and named flows get explicit bounds, sized from the text the
 *     way bpmn-js wraps it (90 px), at the candidate position that hits the fewest shapes,
 *     lines and other labels; a label stays inside its own sub-process and out of others.
 *  6. The new BPMNDI (one plane, sub-processes with isExpanded="true") is spliced into the
 *     original text in place of the old one.
 *
 * Supported: one process with tasks, events incl. boundary events, gateways, sequence flows and
 * expanded embedded sub-processes (nested to any depth, with boundary events of their own).
 * Event sub-processes, pools/lanes, data objects, annotations: the script stops with a message;
 * with --raw it writes bpmn-auto-layout's own DI for such files instead (readable or not).
 * Prints a line per file: shapes, flows, bends, crossings, and labels that touch something.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { layoutProcess } from 'bpmn-auto-layout';
import { BpmnModdle } from 'bpmn-moddle';

const NS = {
  bpmndi: 'http://www.omg.org/spec/BPMN/20100524/DI',
  dc: 'http://www.omg.org/spec/DD/20100524/DC',
  di: 'http://www.omg.org/spec/DD/20100524/DI'
};

const H_GAP = 60; // free space between the widest shapes of neighbouring columns
const V_GAP = 80; // free space between the tallest shapes of neighbouring rows
const BOUNDARY_ROW_EXTRA = 30; // more room under a row whose tasks carry boundary events
const ORIGIN = { x: 150, y: 80 }; // top-left corner of the first cell
const SHAPE_MARGIN = 9; // flows keep this far from shapes they do not connect
const SUB_PAD = 40; // free space inside a sub-process box left and right of its contents
const SUB_PAD_TOP = 30; // ... between its name and its contents
const SUB_PAD_BOTTOM = 50; // ... below its contents (labels of the lowest events)
const SUB_INSET = 10; // flows inside a sub-process keep this far from its border
const LABEL_WRAP = 90; // bpmn-js wraps external labels at 90 px
const FONT_SIZE = 11; // bpmn-js external label font size
const LINE_HEIGHT = 13.2; // 11 px * 1.2
const TASK_FONT_SIZE = 12; // bpmn-js font size inside tasks

const args = process.argv.slice(2);
const raw = args.includes('--raw');
const files = args.filter((a) => !a.startsWith('--'));
if (!files.length) {
  console.error('usage: node tools/bpmn/layout.mjs [--raw] <model.bpmn>...');
  process.exit(2);
}

async function layoutFile(file) {
  const original = readFileSync(file, 'utf8');
  const semantic = stripDi(original);
  const generated = await layoutProcess(semantic);
  const moddle = new BpmnModdle();
  const { rootElement: definitions, warnings } = await moddle.fromXML(generated);
  if (warnings.length) {
    throw new Error(`${file}: ${warnings.map((w) => w.message).join('; ')}`);
  }

  const unsupported = findUnsupported(definitions);
  let diagramXml;
  if (unsupported.length) {
    if (!raw) {
      console.error(`${file}: not laid out; this script handles one process with embedded sub-processes, and it has: ${unsupported.join(', ')}.`);
      console.error('Rerun with --raw to take bpmn-auto-layout\'s DI as it is, or extend the script.');
      process.exit(1);
    }
    console.warn(`${file}: --raw: using bpmn-auto-layout's own DI (${unsupported.join(', ')})`);
    diagramXml = generated.match(/<bpmndi:BPMNDiagram\b[\s\S]*<\/bpmndi:BPMNDiagram>/)[0];
  } else {
    const diagram = new Diagram(definitions);
    diagram.layout();
    diagram.routeFlows();
    diagram.placeLabels();
    diagramXml = diagram.toXml();
    diagram.report(file);
  }

  const result = spliceDi(original, diagramXml);
  if (stripDi(result) !== withNamespaces(semantic)) {
    throw new Error(`${file}: splicing the diagram changed the semantic part; not written`);
  }
  const check = await new BpmnModdle().fromXML(result);
  if (check.warnings.length) {
    throw new Error(`${file}: result does not parse cleanly: ${check.warnings.map((w) => w.message).join('; ')}`);
  }
  if (result !== original) {
    writeFileSync(file, result);
    console.log(`${file}: diagram interchange written`);
  } else {
    console.log(`${file}: unchanged`);
  }
}

// ---------------------------------------------------------------------------------------------
// Splicing: the semantic text is never re-serialised.

function diagramRegExp() {
  return /\s*<(\w+:)?BPMNDiagram\b[\s\S]*?<\/\1BPMNDiagram>/g;
}

function stripDi(xml) {
  return xml.replace(diagramRegExp(), '');
}

function rootTag(xml) {
  const m = xml.match(/<(\w+:)?definitions\b[^>]*>/);
  if (!m) throw new Error('no <definitions> root element');
  return m;
}

/** The semantic text with the namespace declarations the DI needs added to the root tag. */
function withNamespaces(xml) {
  const m = rootTag(xml);
  let tag = m[0];
  const declared = [...tag.matchAll(/(\s+)(xmlns(?::\w+)?)="([^"]*)"/g)];
  const missing = [];
  for (const [prefix, uri] of Object.entries(NS)) {
    const bound = declared.find((d) => d[2] === `xmlns:${prefix}`);
    if (bound && bound[3] !== uri) {
      throw new Error(`prefix ${prefix} is bound to ${bound[3]}, expected ${uri}`);
    }
    if (!bound) missing.push(`xmlns:${prefix}="${uri}"`);
  }
  if (!missing.length) return xml;
  // put them after the last xmlns declaration, in the same layout (one per line or one line)
  const last = declared[declared.length - 1];
  const sep = last[1];
  const at = last.index + last[0].length;
  tag = tag.slice(0, at) + missing.map((d) => sep + d).join('') + tag.slice(at);
  return xml.slice(0, m.index) + tag + xml.slice(m.index + m[0].length);
}

/** Inserts the diagram (indented by two) before the whitespace that precedes the root's end tag. */
function spliceDi(original, diagramXml) {
  const xml = withNamespaces(stripDi(original));
  const close = xml.lastIndexOf('</');
  const at = xml.slice(0, close).replace(/\s*$/, '').length;
  return xml.slice(0, at) + '\n  ' + diagramXml + xml.slice(at);
}

// ---------------------------------------------------------------------------------------------

function is(element, type) {
  return element.$instanceOf(type);
}

function findUnsupported(definitions) {
  const found = new Set();
  const processes = definitions.rootElements.filter((e) => is(e, 'bpmn:Process'));
  if (processes.length !== 1) found.add(`${processes.length} processes`);
  if (definitions.rootElements.some((e) => is(e, 'bpmn:Collaboration'))) found.add('a collaboration (pools)');
  const visit = (container) => {
    for (const e of container.flowElements || []) {
      if (is(e, 'bpmn:SubProcess')) {
        if (e.triggeredByEvent) found.add('event sub-processes');
        visit(e);
      }
      if (is(e, 'bpmn:DataObjectReference') || is(e, 'bpmn:DataStoreReference')) found.add('data objects/stores');
    }
    if ((container.artifacts || []).length) found.add('annotations/groups');
  };
  for (const p of processes) {
    if ((p.laneSets || []).length) found.add('lanes');
    visit(p);
  }
  return [...found];
}

const round10 = (v) => Math.round(v / 10) * 10;
const floor10 = (v) => Math.floor(v / 10) * 10;
const ceil20 = (v) => Math.ceil(v / 20) * 20;

/**
 * The diagram being built: shapes and edges by semantic id, grouped into scopes. A scope is the
 * process or an embedded sub-process with the shapes and flows directly inside it; a boundary
 * event belongs to the scope of its host (as in the XML), so its flows are routed there.
 */
class Diagram {

  constructor(definitions) {
    this.process = definitions.rootElements.find((e) => is(e, 'bpmn:Process'));
    // bpmn-auto-layout draws sub-process contents into the same plane, each scope from (0, 0)
    this.generated = new Map(definitions.diagrams
      .flatMap((d) => d.plane.planeElement)
      .map((di) => [di.bpmnElement.id, di]));
    this.shapes = [];
    this.edges = [];
    this.root = this.buildScope(this.process, null);
    this.shapeById = new Map(this.shapes.map((s) => [s.id, s]));
    for (const edge of this.edges) {
      edge.source = this.shapeById.get(edge.element.sourceRef.id);
      edge.target = this.shapeById.get(edge.element.targetRef.id);
    }
    this.labels = [];
  }

  buildScope(container, box) {
    const scope = { container, box, shapes: [], edges: [], children: [] };
    for (const element of container.flowElements || []) {
      if (is(element, 'bpmn:SequenceFlow')) {
        const edge = { element, id: element.id, scope };
        scope.edges.push(edge);
        this.edges.push(edge);
        continue;
      }
      const di = this.generated.get(element.id);
      if (!di) throw new Error(`bpmn-auto-layout placed no ${element.id}`);
      let { width, height } = di.bounds;
      // bpmn-js writes a task's name inside it (12 px, 7 px padding); from three lines on it
      // runs into the task-type icon, so such tasks get wider
      if (is(element, 'bpmn:Task') && element.name) {
        while (width < 160 && wrapLikeBpmnJs(element.name, width - 14, TASK_FONT_SIZE).length > 2) width += 20;
      }
      const shape = { element, id: element.id, width, height, di, scope };
      scope.shapes.push(shape);
      this.shapes.push(shape);
      if (is(element, 'bpmn:SubProcess')) {
        shape.inner = this.buildScope(element, shape);
        scope.children.push(shape.inner);
      }
    }
    return scope;
  }

  /** All scopes, outermost first. */
  scopes(scope = this.root) {
    return [scope, ...scope.children.flatMap((c) => this.scopes(c))];
  }

  isBoundary(shape) {
    return !!shape.element.attachedToRef;
  }

  /** Steps 2-3, innermost scopes first: each sub-process is sized to its laid-out contents. */
  layout() {
    const layoutScope = (scope) => {
      scope.children.forEach(layoutScope);
      this.placeOnGrid(scope, scope.box ? { x: 0, y: 0 } : ORIGIN);
      this.placeBoundaryEvents(scope);
      if (scope.box) this.fitBox(scope);
    };
    layoutScope(this.root);
  }

  /** Moves a scope's shapes and everything nested in them. */
  translate(scope, dx, dy) {
    for (const s of scope.shapes) {
      s.x += dx; s.y += dy; s.cx += dx; s.cy += dy;
      if (s.inner) this.translate(s.inner, dx, dy);
    }
  }

  /**
   * Vertical offset of the line through a shape that its row aligns on: the middle, except for a
   * sub-process, whose row runs through its start event (so the flow in and the flow inside read
   * as one line).
   */
  anchor(s) {
    return s.inner ? s.anchor : s.height / 2;
  }

  /** Steps 1-2 for one scope: grid cells from bpmn-auto-layout, our own coordinates. */
  placeOnGrid(scope, origin) {
    const CELL_W = 150, CELL_H = 140; // bpmn-auto-layout's cell size
    const placed = scope.shapes.filter((s) => !this.isBoundary(s));
    if (!placed.length) return;
    for (const s of placed) {
      const b = s.di.bounds;
      s.col = Math.round((b.x + b.width / 2 - CELL_W / 2) / CELL_W);
      s.row = Math.round((b.y + b.height / 2 - CELL_H / 2) / CELL_H);
    }
    const cells = new Set();
    for (const s of placed) {
      const key = `${s.row},${s.col}`;
      if (cells.has(key)) throw new Error(`bpmn-auto-layout put two elements into cell ${key} of ${scope.container.id}`);
      cells.add(key);
    }
    this.compactGrid(placed);
    this.tuckBoundaryChains(scope, placed);
    this.clearRowSkips(scope, placed);
    this.pullLoopsBack(scope, placed);
    this.compactGrid(placed);
    const rowCount = Math.max(...placed.map((s) => s.row)) + 1;
    const colCount = Math.max(...placed.map((s) => s.col + (s.span || 1)));
    // widths and heights in steps of 20 px, so that every centre lies on the 10 px raster; a row
    // aligns on anchor lines, so a sub-process may reach further up than down
    const colWidth = Array.from({ length: colCount }, (_, c) => {
      const inCol = placed.filter((s) => s.col === c && !s.span);
      return inCol.length ? ceil20(Math.max(...inCol.map((s) => s.width)) + H_GAP) : 0;
    });
    // a sub-process that spans columns (its boundary events' flows lie under it): the last one
    // takes up what the box needs beyond the others
    for (const s of placed.filter((p) => p.span)) {
      const last = s.col + s.span - 1;
      const have = colWidth.slice(s.col, last + 1).reduce((a, b) => a + b, 0);
      colWidth[last] += Math.max(0, ceil20(s.width + H_GAP) - have);
    }
    const rowLine = [];
    const rowHeight = Array.from({ length: rowCount }, (_, r) => {
      const inRow = placed.filter((s) => s.row === r);
      const hasBoundary = inRow.some((s) => this.shapes.some((b) => b.element.attachedToRef === s.element));
      const above = Math.max(...inRow.map((s) => this.anchor(s)));
      const below = Math.max(...inRow.map((s) => s.height - this.anchor(s)));
      const height = ceil20(above + below + V_GAP + (hasBoundary ? BOUNDARY_ROW_EXTRA : 0));
      rowLine[r] = round10((height - (hasBoundary ? BOUNDARY_ROW_EXTRA : 0) - above - below) / 2 + above);
      return height;
    });
    const colLeft = [], rowMid = [];
    colWidth.reduce((x, w, c) => { colLeft[c] = x; return x + w; }, origin.x);
    colLeft[colCount] = colLeft[colCount - 1] + colWidth[colCount - 1];
    rowHeight.reduce((y, h, r) => { rowMid[r] = y + rowLine[r]; return y + h; }, origin.y);
    for (const s of placed) {
      s.cx = (colLeft[s.col] + colLeft[s.col + (s.span || 1)]) / 2;
      s.x = s.cx - s.width / 2;
      s.y = rowMid[s.row] - this.anchor(s);
      s.cy = s.y + s.height / 2;
      if (s.inner) this.translate(s.inner, s.x, s.y); // its contents lie relative to its corner
    }
  }

  /** Drops empty rows and columns (a column under a spanning sub-process is not empty). */
  compactGrid(placed) {
    const cols = [...new Set(placed.flatMap((s) => Array.from({ length: s.span || 1 }, (_, k) => s.col + k)))].sort((a, b) => a - b);
    const rows = [...new Set(placed.map((s) => s.row))].sort((a, b) => a - b);
    for (const s of placed) {
      s.col = cols.indexOf(s.col);
      s.row = rows.indexOf(s.row);
    }
  }

  /**
   * bpmn-auto-layout puts what follows a boundary event right of its host and one row lower per
   * event. Under a wide sub-process that leaves its whole width empty and stacks the chains:
   * where every event starts a chain of its own (nothing else flows into it) and the chains fit
   * side by side under the box, they go there instead, in the rows right under it, each chain
   * starting under its event. The box then spans the columns of the chains.
   */
  tuckBoundaryChains(scope, placed) {
    const inScope = new Set(placed);
    for (const host of placed.filter((s) => s.inner)) {
      const events = scope.shapes.filter((b) => b.element.attachedToRef === host.element);
      if (!events.length) continue;
      const chains = [];
      const claimed = new Set();
      let ok = true;
      for (const b of events) {
        const firsts = scope.edges.filter((e) => e.source === b).map((e) => e.target);
        if (firsts.length !== 1 || !inScope.has(firsts[0])) { ok = false; break; }
        const nodes = [firsts[0]];
        for (let k = 0; k < nodes.length; k++) {
          for (const e of scope.edges.filter((f) => f.source === nodes[k])) {
            if (!nodes.includes(e.target)) nodes.push(e.target);
          }
        }
        // the chain is its event's alone, and bpmn-auto-layout drew it right of and below its start
        const own = nodes.every((v) => inScope.has(v) && !claimed.has(v) && scope.edges
          .filter((e) => e.target === v)
          .every((e) => e.source === b || nodes.includes(e.source)));
        const first = nodes[0];
        if (!own || nodes.some((v) => v.row < first.row || v.col < first.col)) { ok = false; break; }
        nodes.forEach((v) => claimed.add(v));
        const colsUsed = Math.max(...nodes.map((v) => v.col - first.col)) + 1;
        const rowsUsed = Math.max(...nodes.map((v) => v.row - first.row)) + 1;
        const widthOf = (k) => ceil20(Math.max(0, ...nodes.filter((v) => v.col - first.col === k).map((v) => v.width)) + H_GAP);
        const width = Array.from({ length: colsUsed }, (_, k) => widthOf(k)).reduce((a, c) => a + c, 0);
        chains.push({ event: b, nodes, first, colsUsed, rowsUsed, width });
      }
      if (!ok || chains.reduce((a, c) => a + c.width, 0) > ceil20(host.width + H_GAP) - H_GAP) continue;
      // room: the chains' columns, then one that pads the box out, in new rows under the host
      const n = chains.reduce((a, c) => a + c.colsUsed, 0);
      const depth = Math.max(...chains.map((c) => c.rowsUsed));
      const rel = new Map();
      for (const c of chains) for (const v of c.nodes) rel.set(v, { row: v.row - c.first.row, col: v.col - c.first.col });
      for (const s of placed) {
        if (rel.has(s)) continue;
        if (s.col > host.col) s.col += n;
        if (s.row > host.row) s.row += depth;
      }
      let col = host.col;
      for (const c of chains) {
        for (const v of c.nodes) {
          v.row = host.row + 1 + rel.get(v).row;
          v.col = col + rel.get(v).col;
        }
        c.event.tuckedOver = c.first;
        col += c.colsUsed;
      }
      host.span = n + 1;
    }
  }

  /**
   * bpmn-auto-layout sometimes puts a node in a row between two others that a flow connects
   * directly (a gateway, one branch's task, then the node another branch goes to): that flow
   * would have to go round the node. Such nodes get a row of their own right above (or, if they
   * carry boundary events, whose flows go down, right below).
   */
  clearRowSkips(scope, placed) {
    const inScope = new Set(placed);
    for (let round = 0; round < placed.length; round++) {
      let moved = false;
      for (const e of scope.edges) {
        const u = e.source, w = e.target;
        if (!inScope.has(u) || !inScope.has(w) || u.row !== w.row || w.col <= u.col + 1) continue;
        const between = placed.filter((s) => s.row === u.row && s.col > u.col && s.col < w.col);
        if (!between.length) continue;
        const r = u.row;
        const down = between.some((s) => scope.shapes.some((b) => b.element.attachedToRef === s.element));
        for (const s of placed) {
          if (s.row > r || (!down && s.row === r && !between.includes(s))) s.row++;
        }
        for (const s of between) s.row = down ? r + 1 : r;
        moved = true;
        break;
      }
      if (!moved) break;
    }
  }

  /**
   * A node that only leads back (its flows go to columns left of it), reached by one flow from
   * another row, goes into that flow's source column, if free: straight above or below its
   * gateway, its loop runs back without crossing the flows that go on.
   */
  pullLoopsBack(scope, placed) {
    const inScope = new Set(placed);
    const taken = new Set(placed.map((s) => `${s.row},${s.col}`));
    for (const v of placed) {
      const incoming = scope.edges.filter((e) => e.target === v);
      const outgoing = scope.edges.filter((e) => e.source === v);
      if (incoming.length !== 1 || !outgoing.length) continue;
      const u = incoming[0].source;
      if (!inScope.has(u) || u.row === v.row || u.col >= v.col) continue;
      if (!outgoing.every((e) => inScope.has(e.target) && e.target.col <= u.col)) continue;
      if (taken.has(`${v.row},${u.col}`)) continue;
      taken.delete(`${v.row},${v.col}`);
      v.col = u.col;
      taken.add(`${v.row},${v.col}`);
    }
  }

  /**
   * A sub-process box around its laid-out contents: padding all round, more at the top for its
   * name (bpmn-js writes it centred at the top). Moves the contents so that the box's top-left
   * corner is (0, 0); its parent scope places the box like any other shape.
   */
  fitBox(scope) {
    const box = scope.box;
    const name = (box.element.name || '').trim();
    if (!scope.shapes.length) {
      box.width = 200; box.height = 120; box.anchor = 60;
      box.nameBand = { lines: name ? wrapLikeBpmnJs(name, 200 - 14, TASK_FONT_SIZE).length : 0 };
      return;
    }
    const ext = this.extent(scope.shapes);
    let width = ceil20(ext.width + 2 * SUB_PAD);
    // wide enough for the name on one line if that costs little, else wrapped
    if (name) width = Math.max(width, Math.min(ceil20(textWidth(name, TASK_FONT_SIZE) + 40), 600));
    const lines = name ? wrapLikeBpmnJs(name, width - 14, TASK_FONT_SIZE).length : 0;
    const band = lines ? Math.ceil(7 + lines * TASK_FONT_SIZE * 1.2 + 4) : 0;
    const top = band + SUB_PAD_TOP;
    const height = ceil20(top + ext.height + SUB_PAD_BOTTOM);
    const x0 = floor10(ext.x - (width - ext.width) / 2);
    const y0 = floor10(ext.y - top);
    this.translate(scope, -x0, -y0);
    box.width = width;
    box.height = height;
    box.nameBand = { lines, height: band };
    // the row through the start event (or the topmost shape) continues the flow into the box
    const placed = scope.shapes.filter((s) => !this.isBoundary(s));
    const starts = placed.filter((s) => is(s.element, 'bpmn:StartEvent'));
    const lead = (starts.length ? starts : placed).reduce((a, b) => (b.row < a.row || (b.row === a.row && b.col < a.col) ? b : a));
    box.anchor = lead.cy;
  }

  /** The strip at the top of an expanded sub-process where bpmn-js writes its name. */
  nameBandBox(box) {
    const w = Math.min(box.width - 10, textWidth(box.element.name || '', TASK_FONT_SIZE) + 20);
    return { x: box.cx - w / 2, y: box.y, width: w, height: box.nameBand.height };
  }

  /** Step 3: boundary events on the bottom edge of their host, not touching each other. */
  placeBoundaryEvents(scope) {
    for (const host of scope.shapes) {
      const attached = scope.shapes.filter((s) => s.element.attachedToRef === host.element);
      if (!attached.length) continue;
      // the event whose flow ends lowest (then furthest right) goes leftmost: no crossings
      const reach = (b) => {
        const targets = this.edges.filter((e) => e.source === b).map((e) => e.target);
        return targets.length ? Math.max(...targets.map((t) => t.cy * 10000 + t.cx)) : 0;
      };
      attached.sort((a, b) => reach(b) - reach(a));
      const n = attached.length;
      const size = Math.max(...attached.map((b) => b.width));
      let centres;
      if (attached.every((b) => b.tuckedOver)) {
        // each right above the chain it starts (see tuckBoundaryChains)
        centres = attached.map((b) => b.tuckedOver.cx);
      } else if (host.inner) {
        // a sub-process: its events keep together at the right end of the bottom edge, close to
        // the flows they start (to the right and below), with room for a label between their flows
        const labelWidth = Math.max(0, ...attached.map((b) => (b.element.name ? labelSize(b.element.name).width : 0)));
        const spacing = ceil20(Math.max(size + 10, labelWidth + 20));
        const last = host.x + host.width - Math.max(spacing / 2, 60);
        centres = attached.map((_, i) => round10(last - (n - 1 - i) * spacing));
      } else {
        const spacing = Math.max(host.width / (n + 1), size + 10);
        const first = host.cx - (spacing * (n - 1)) / 2;
        centres = attached.map((_, i) => Math.round(first + i * spacing));
      }
      attached.forEach((b, i) => {
        b.cx = centres[i];
        b.cy = host.y + host.height;
        b.x = b.cx - b.width / 2;
        b.y = b.cy - b.height / 2;
      });
    }
  }

  /** Where a flow may leave (out) or enter (in) a shape, with a preference cost. */
  ports(shape, role, edge) {
    const { x, y, width: w, height: h, cx, cy } = shape;
    // a sub-process is entered and left on the line of its start event
    const my = shape.inner ? y + shape.anchor : cy;
    const all = {
      right: { x: x + w, y: my, dir: 0 },
      bottom: { x: cx, y: y + h, dir: 1 },
      left: { x, y: my, dir: 2 },
      top: { x: cx, y, dir: 3 }
    };
    if (role === 'out' && this.isBoundary(shape)) {
      return [{ ...all.bottom, side: 'bottom', cost: 0 }];
    }
    const forward = edge.target.cx > edge.source.cx;
    const costs = role === 'out'
      ? { right: 0, bottom: 20, top: 20, left: forward ? 200 : 60 }
      : { left: 0, top: 20, bottom: 20, right: forward ? 200 : 60 };
    if (role === 'out' && is(shape.element, 'bpmn:Gateway')) {
      // the middles of the diamond's lower and upper edges: a second flow going down (or up)
      // runs beside the first instead of sharing its line (needed for default flows); the
      // point of the edge next to the middle with integer coordinates (12/13 on a 50 px diamond)
      const qx = Math.floor(w / 4), qy = h / 2 - (qx * h) / w;
      Object.assign(all, {
        'bottom-left': { x: cx - qx, y: cy + qy, dir: 1 },
        'bottom-right': { x: cx + qx, y: cy + qy, dir: 1 },
        'top-left': { x: cx - qx, y: cy - qy, dir: 3 },
        'top-right': { x: cx + qx, y: cy - qy, dir: 3 }
      });
      Object.assign(costs, { 'bottom-left': 60, 'bottom-right': 60, 'top-left': 60, 'top-right': 60 });
    }
    const isDefault = (f) => f.sourceRef.default === f;
    return Object.entries(all).map(([side, p]) => {
      let cost = costs[side];
      const used = (shape.usedSides || []).filter((u) => u.side === side);
      if (used.some((u) => u.role !== role)) cost += 1000;
      // bpmn-js marks a default flow where it leaves its gateway: on a shared trunk that mark
      // would not tell which flow is the default
      else if (role === 'out' && used.length && (isDefault(edge.element) || used.some((u) => isDefault(u.edge.element)))) cost += 1000;
      // a second flow through the top or bottom corner shares a trunk with the first (see
      // occupancyCost) and branches off later; through the left or right side it would branch
      // right at the shape, which reads badly
      else if (used.length) cost += side === 'top' || side === 'bottom' ? 80 : 400;
      return { ...p, side, cost };
    });
  }

  /**
   * Step 4: orthogonal A* routing around shapes, scope by scope: a sub-process box is a shape
   * like any other for the flows around it, and the flows inside it stay inside it.
   */
  routeFlows() {
    for (const scope of this.scopes()) this.routeScope(scope);
  }

  routeScope(scope) {
    if (!scope.edges.length) return;
    let area;
    const obstacles = [...scope.shapes];
    if (scope.box) {
      const b = scope.box;
      area = { x: b.x + SUB_INSET, y: b.y + SUB_INSET, width: b.width - 2 * SUB_INSET, height: b.height - 2 * SUB_INSET };
      if (b.nameBand.lines) obstacles.push(this.nameBandBox(b));
    } else {
      const pad = 80;
      const extent = this.extent(scope.shapes);
      area = { x: extent.x - pad, y: extent.y - pad, width: extent.width + 2 * pad, height: extent.height + 2 * pad };
    }
    const xs = new Set(), ys = new Set();
    for (let x = Math.ceil(area.x / 10) * 10; x <= area.x + area.width; x += 10) xs.add(x);
    for (let y = Math.ceil(area.y / 10) * 10; y <= area.y + area.height; y += 10) ys.add(y);
    for (const edge of scope.edges) {
      for (const s of [edge.source, edge.target]) {
        for (const p of this.ports(s, 'out', edge)) { xs.add(p.x); ys.add(p.y); }
      }
    }
    const X = [...xs].sort((a, b) => a - b), Y = [...ys].sort((a, b) => a - b);
    const grid = new RoutingGrid(X, Y, obstacles, SHAPE_MARGIN);

    // keep the space under events and gateways free for their labels, where possible
    for (const s of scope.shapes) {
      if (s.element.name && !is(s.element, 'bpmn:Activity')) {
        grid.addSoftArea({ x: s.cx - 30, y: s.y + s.height, width: 60, height: 24 }, 3);
      }
    }

    // forward flows along a row first, then other short forward flows: they get the straight
    // lines; loops back last (a sub-process's row is the line of its start event)
    const line = (s) => (s.inner ? s.y + s.anchor : s.cy);
    const order = [...scope.edges].sort((a, b) => {
      const back = (e) => (e.target.cx <= e.source.cx ? 1 : 0);
      const level = (e) => (line(e.source) === line(e.target) ? 0 : 1);
      const len = (e) => Math.abs(e.target.cx - e.source.cx) + Math.abs(line(e.target) - line(e.source));
      return back(a) - back(b) || level(a) - level(b) || len(a) - len(b);
    });
    const route = (edge) => {
      const from = this.ports(edge.source, 'out', edge);
      const to = this.ports(edge.target, 'in', edge);
      const path = grid.route(from, to, edge.source, edge.target);
      if (!path) throw new Error(`no route for ${edge.id}`);
      edge.waypoints = simplify(path.points);
      (edge.source.usedSides ??= []).push({ side: path.from.side, role: 'out', edge });
      (edge.target.usedSides ??= []).push({ side: path.to.side, role: 'in', edge });
      grid.occupy(edge.waypoints, edge.source, edge);
    };
    for (const edge of order) route(edge);
  }

  /**
   * Step 5: label bounds for named events, gateways and flows. A label stays inside the
   * sub-process its element is in and out of sub-processes its element is not in; the border and
   * the name of a sub-process count as obstacles, the space inside it does not.
   */
  placeLabels() {
    const boxes = this.shapes.filter((s) => s.inner);
    const obstacles = {
      shapes: [
        ...this.shapes.filter((s) => !s.inner).map((s) => ({ x: s.x, y: s.y, width: s.width, height: s.height, shape: s })),
        ...boxes.filter((b) => b.nameBand.lines).map((b) => this.nameBandBox(b)),
        // bpmn-js marks a default flow with a slash just after it leaves its gateway
        ...this.edges.filter((e) => e.element.sourceRef.default === e.element).map((e) => {
          const [a, b] = e.waypoints;
          const len = Math.abs(b.x - a.x) + Math.abs(b.y - a.y) || 1;
          const mx = a.x + ((b.x - a.x) / len) * 10, my = a.y + ((b.y - a.y) / len) * 10;
          return { x: mx - 8, y: my - 8, width: 16, height: 16 };
        })
      ],
      segments: [
        ...this.edges.flatMap((e) => segments(e.waypoints).map((seg) => ({ ...seg, edge: e }))),
        ...boxes.flatMap((b) => segments([
          { x: b.x, y: b.y }, { x: b.x + b.width, y: b.y }, { x: b.x + b.width, y: b.y + b.height },
          { x: b.x, y: b.y + b.height }, { x: b.x, y: b.y }
        ]).map((seg) => ({ ...seg, edge: null })))
      ]
    };
    const placedLabels = [];
    const score = (box, own, scope) => {
      let cost = 0;
      // an event's label may come close to it (a circle leaves the corners of its box empty)
      for (const s of obstacles.shapes) {
        const close = s.shape && s.shape === own && is(own.element, 'bpmn:Event');
        cost += 50 * overlapArea(box, close ? s : grow(s, 3));
      }
      for (const seg of obstacles.segments) {
        const hit = segmentInBox(seg, grow(box, 3));
        cost += hit * (seg.edge && seg.edge === own ? 30 : 60);
      }
      for (const l of placedLabels) cost += 50 * overlapArea(grow(box, 3), l);
      // inside its own sub-process, outside the others
      if (scope.box) cost += 50 * (box.width * box.height - overlapArea(box, scope.box));
      for (const b of boxes) {
        if (!this.contains(b, scope)) cost += 50 * overlapArea(box, b);
      }
      return cost;
    };

    const externals = this.shapes.filter((s) => s.element.name && !is(s.element, 'bpmn:Activity'));
    for (const s of externals) {
      const { width, height } = labelSize(s.element.name);
      const gap = 5;
      const candidates = [
        { x: s.cx - width / 2, y: s.y + s.height + gap, pref: 0 }, // below
        { x: s.cx - width / 2, y: s.y - gap - height, pref: 8 }, // above
        { x: s.cx - gap - width, y: s.y + s.height + 2, pref: 4 }, // below, left
        { x: s.cx + gap, y: s.y + s.height + 2, pref: 4 }, // below, right
        { x: s.x + s.width + gap, y: s.cy + 4, pref: 10 }, // right, low
        { x: s.x - gap - width, y: s.cy + 4, pref: 10 }, // left, low
        { x: s.x + s.width + gap, y: s.cy - 4 - height, pref: 10 }, // right, high
        { x: s.x - gap - width, y: s.cy - 4 - height, pref: 10 }, // left, high
        { x: s.cx - gap - width, y: s.y - gap - height, pref: 12 }, // above, left
        { x: s.cx + gap, y: s.y - gap - height, pref: 12 } // above, right
      ];
      const best = this.best(candidates, width, height, (box) => score(box, s, s.scope), s.id);
      s.label = best;
      placedLabels.push(best);
    }

    const named = this.edges.filter((e) => e.element.name);
    for (const e of named) {
      const { width, height } = labelSize(e.element.name);
      const candidates = [];
      segments(e.waypoints).forEach((seg, i) => {
        const length = Math.abs(seg.x2 - seg.x1) + Math.abs(seg.y2 - seg.y1);
        const pref = i * 6; // close to where the flow leaves its gateway
        for (const t of [0.5, 0.25, 0.75, 0.1, 0.9]) {
          const px = seg.x1 + (seg.x2 - seg.x1) * t, py = seg.y1 + (seg.y2 - seg.y1) * t;
          // not beside a stretch this flow shares with another one: it would be ambiguous
          if (this.edges.some((o) => o !== e && segments(o.waypoints).some((os) => onSegment(os, px, py, seg.y1 === seg.y2)))) continue;
          const p = pref + Math.abs(t - 0.5) * 4 + (length < 40 ? 10 : 0);
          if (seg.y1 === seg.y2) {
            candidates.push({ x: px - width / 2, y: py - 4 - height, pref: p });
            candidates.push({ x: px - width / 2, y: py + 4, pref: p + 1 });
          } else {
            candidates.push({ x: px + 6, y: py - height / 2, pref: p });
            candidates.push({ x: px - 6 - width, y: py - height / 2, pref: p + 1 });
          }
        }
      });
      const best = this.best(candidates, width, height, (box) => score(box, e, e.scope), e.id);
      e.label = best;
      placedLabels.push(best);
    }
  }

  best(candidates, width, height, score, id) {
    let best = null;
    for (const c of candidates) {
      const box = { x: Math.round(c.x), y: Math.round(c.y), width, height };
      const clash = score(box);
      const cost = clash * 10 + c.pref;
      if (!best || cost < best.cost) best = { box, cost, clash, id };
    }
    this.labels.push(best);
    return best.box;
  }

  /** Is the scope inside sub-process b (or b's own)? */
  contains(b, scope) {
    for (let s = scope; s; s = s.box ? s.box.scope : null) if (s.box === b) return true;
    return false;
  }

  extent(boxes) {
    const x = Math.min(...boxes.map((b) => b.x)), y = Math.min(...boxes.map((b) => b.y));
    return {
      x, y,
      width: Math.max(...boxes.map((b) => b.x + b.width)) - x,
      height: Math.max(...boxes.map((b) => b.y + b.height)) - y
    };
  }

  toXml() {
    const id = this.process.id;
    const out = [];
    out.push(`<bpmndi:BPMNDiagram id="BPMNDiagram_${id}">`);
    out.push(`  <bpmndi:BPMNPlane id="BPMNPlane_${id}" bpmnElement="${id}">`);
    const bounds = (b, indent) => `${indent}<dc:Bounds x="${num(b.x)}" y="${num(b.y)}" width="${num(b.width)}" height="${num(b.height)}" />`;
    const label = (l, indent) => (l
      ? [`${indent}<bpmndi:BPMNLabel>`, bounds(l, indent + '  '), `${indent}</bpmndi:BPMNLabel>`]
      : []);
    for (const s of this.shapes) {
      const marker = is(s.element, 'bpmn:ExclusiveGateway') ? ' isMarkerVisible="true"'
        : s.inner ? ' isExpanded="true"' : '';
      out.push(`    <bpmndi:BPMNShape id="${s.id}_di" bpmnElement="${s.id}"${marker}>`);
      out.push(bounds(s, '      '), ...label(s.label, '      '));
      out.push('    </bpmndi:BPMNShape>');
    }
    for (const e of this.edges) {
      out.push(`    <bpmndi:BPMNEdge id="${e.id}_di" bpmnElement="${e.id}">`);
      for (const p of e.waypoints) out.push(`      <di:waypoint x="${num(p.x)}" y="${num(p.y)}" />`);
      out.push(...label(e.label, '      '));
      out.push('    </bpmndi:BPMNEdge>');
    }
    out.push('  </bpmndi:BPMNPlane>');
    out.push('</bpmndi:BPMNDiagram>');
    return out.join('\n  ');
  }

  report(file) {
    const crossings = countCrossings(this.edges);
    const clashing = this.labels.filter((l) => l.clash > 0).map((l) => l.id);
    const bends = this.edges.reduce((n, e) => n + e.waypoints.length - 2, 0);
    console.log(`${file}: ${this.shapes.length} shapes, ${this.edges.length} flows, ${bends} bends, ` +
      `${crossings} crossings, ${this.labels.length} labels (${clashing.length} touching something` +
      `${clashing.length ? ': ' + clashing.join(', ') : ''})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Routing

const DX = [1, 0, -1, 0], DY = [0, 1, 0, -1]; // right, down, left, up
const BEND = 40, OVERLAP = 12, SIBLING = 0.3, CROSS = 200, TOUCH = 80, NEAR = 1.5, NEAR_KIN = 5, HEAD_ON = 400;

class RoutingGrid {

  constructor(X, Y, shapes, margin) {
    this.X = X; this.Y = Y;
    this.nx = X.length; this.ny = Y.length;
    this.xi = new Map(X.map((v, i) => [v, i]));
    this.yi = new Map(Y.map((v, i) => [v, i]));
    this.shapes = shapes;
    this.margin = margin;
    // which shapes' margins cover a point
    this.cover = new Array(this.nx * this.ny);
    shapes.forEach((s) => {
      for (let i = 0; i < this.nx; i++) {
        if (X[i] < s.x - margin || X[i] > s.x + s.width + margin) continue;
        for (let j = 0; j < this.ny; j++) {
          if (Y[j] < s.y - margin || Y[j] > s.y + s.height + margin) continue;
          (this.cover[j * this.nx + i] ??= []).push(s);
        }
      }
    });
    this.soft = new Float64Array(this.nx * this.ny);
    this.used = new Array(this.nx * this.ny); // point -> [{ source, horizontal }] of routed flows
  }

  addSoftArea(box, cost) {
    for (let i = 0; i < this.nx; i++) {
      if (this.X[i] < box.x || this.X[i] > box.x + box.width) continue;
      for (let j = 0; j < this.ny; j++) {
        if (this.Y[j] < box.y || this.Y[j] > box.y + box.height) continue;
        this.soft[j * this.nx + i] = Math.max(this.soft[j * this.nx + i], cost);
      }
    }
  }

  /**
   * May a flow from source to target pass point (i, j) moving in direction d? Inside the
   * margin of its own source or target only straight out of / into a port.
   */
  free(i, j, d, source, target, from, to) {
    const cover = this.cover[j * this.nx + i];
    if (!cover) return true;
    const x = this.X[i], y = this.Y[j];
    for (const s of cover) {
      if (s === source) {
        if (!from.some((p) => onRay(p, x, y, p.dir) && d === p.dir)) return false;
      } else if (s === target) {
        if (!to.some((p) => onRay(p, x, y, p.dir) && d === (p.dir ^ 2))) return false;
      } else {
        return false;
      }
    }
    return true;
  }

  /**
   * Cost of the step into point q (dist px long, horizontal or not) for a flow from source to
   * target: running along another flow is expensive, along a sibling (same source: a fan-out
   * trunk; same target: flows joining before they reach it) cheap; crossing costs a fixed
   * amount; running right next to another flow costs a little.
   */
  occupancyCost(q, i, j, d, dist, source, target) {
    const kin = (u) => u.source === source || u.edge.target === target;
    const horizontal = d === 0 || d === 2;
    let cost = 0;
    const here = this.used[q];
    if (here) {
      const along = here.filter((u) => u.horizontal === horizontal);
      if (along.some((u) => !kin(u))) cost += OVERLAP * dist;
      // two flows into one target that meet head-on would read as one line between their sources
      else if (along.some((u) => u.dir !== d)) cost += HEAD_ON;
      else if (along.length) cost += SIBLING * dist;
      else cost += CROSS;
    }
    // neighbours across the direction of travel, closer than 12 px
    const near = horizontal ? [[0, -1], [0, 1]] : [[-1, 0], [1, 0]];
    for (const [di, dj] of near) {
      const ni = i + di, nj = j + dj;
      if (ni < 0 || nj < 0 || ni >= this.nx || nj >= this.ny) continue;
      if (Math.abs(this.X[ni] - this.X[i]) + Math.abs(this.Y[nj] - this.Y[j]) > 12) continue;
      const there = this.used[nj * this.nx + ni];
      const beside = there ? there.filter((u) => u.horizontal === horizontal) : [];
      // beside a flow of its own kin is worse: it looks like a slip of the pen
      if (beside.some((u) => !kin(u))) cost += NEAR * dist;
      else if (beside.length) cost += NEAR_KIN * dist;
    }
    return cost;
  }

  route(from, to, source, target) {
    const nx = this.nx, ny = this.ny, N = nx * ny * 4;
    const g = new Float64Array(N).fill(Infinity);
    const prev = new Int32Array(N).fill(-1);
    const closed = new Uint8Array(N);
    const heap = new Heap();
    const goals = new Map(); // point index -> port
    for (const p of to) goals.set(this.yi.get(p.y) * nx + this.xi.get(p.x), p);
    const h = (i, j) => Math.min(...to.map((p) => Math.abs(this.X[i] - p.x) + Math.abs(this.Y[j] - p.y)));

    for (const p of from) {
      const i = this.xi.get(p.x), j = this.yi.get(p.y);
      const s = (j * nx + i) * 4 + p.dir;
      if (p.cost < g[s]) {
        g[s] = p.cost; prev[s] = -1;
        heap.push(s, p.cost + h(i, j));
      }
    }
    let goal = -1, goalCost = Infinity;
    while (heap.size) {
      const [s, f] = heap.pop();
      if (f >= goalCost) break;
      if (closed[s]) continue;
      closed[s] = 1;
      const d = s & 3, pi = s >> 2, i = pi % nx, j = (pi - i) / nx;
      const port = goals.get(pi);
      if (port && d === (port.dir ^ 2)) {
        const total = g[s] + port.cost;
        if (total < goalCost) { goalCost = total; goal = s; }
        continue;
      }
      for (const nd of [d, (d + 1) & 3, (d + 3) & 3]) {
        const ni = i + DX[nd], nj = j + DY[nd];
        if (ni < 0 || nj < 0 || ni >= nx || nj >= ny) continue;
        if (!this.free(ni, nj, nd, source, target, from, to)) continue;
        const q = nj * nx + ni;
        const dist = Math.abs(this.X[ni] - this.X[i]) + Math.abs(this.Y[nj] - this.Y[j]);
        let cost = dist + this.soft[q] * dist;
        cost += this.occupancyCost(q, ni, nj, nd, dist, source, target);
        if (nd !== d) {
          cost += BEND;
          if (this.used[pi] && this.used[pi].some((u) => u.source !== source && u.edge.target !== target)) cost += TOUCH;
        }
        const ns = q * 4 + nd;
        if (g[s] + cost < g[ns]) {
          g[ns] = g[s] + cost;
          prev[ns] = s;
          heap.push(ns, g[ns] + h(ni, nj));
        }
      }
    }
    if (goal < 0) return null;
    const points = [];
    let s = goal;
    let first = s;
    while (s >= 0) {
      const pi = s >> 2, i = pi % nx, j = (pi - i) / nx;
      points.unshift({ x: this.X[i], y: this.Y[j] });
      first = s;
      s = prev[s];
    }
    const fromPort = from.find((p) => p.x === points[0].x && p.y === points[0].y && p.dir === (first & 3));
    const toPort = goals.get(goal >> 2);
    return { points, from: fromPort, to: toPort };
  }

  occupy(waypoints, source, edge) {
    const mark = (q, horizontal) => (this.used[q] ??= []).push({ source, horizontal, edge, dir });
    let dir;
    for (const seg of segments(waypoints)) {
      const horizontal = seg.y1 === seg.y2;
      dir = horizontal ? (seg.x2 > seg.x1 ? 0 : 2) : (seg.y2 > seg.y1 ? 1 : 3);
      const [a, b] = horizontal ? [seg.x1, seg.x2].sort((p, q) => p - q) : [seg.y1, seg.y2].sort((p, q) => p - q);
      if (horizontal) {
        const j = this.yi.get(seg.y1);
        for (let i = this.xi.get(a); i <= this.xi.get(b); i++) mark(j * this.nx + i, true);
      } else {
        const i = this.xi.get(seg.x1);
        for (let j = this.yi.get(a); j <= this.yi.get(b); j++) mark(j * this.nx + i, false);
      }
    }
  }
}

/** Is (x, y) on the ray from port p in direction dir (p itself included)? */
function onRay(p, x, y, dir) {
  if (dir === 0) return y === p.y && x >= p.x;
  if (dir === 2) return y === p.y && x <= p.x;
  if (dir === 1) return x === p.x && y >= p.y;
  return x === p.x && y <= p.y;
}

class Heap {
  constructor() { this.items = []; }
  get size() { return this.items.length; }
  push(value, priority) {
    const a = this.items;
    a.push([value, priority]);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent][1] <= a[i][1]) break;
      [a[parent], a[i]] = [a[i], a[parent]];
      i = parent;
    }
  }
  pop() {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < a.length && a[l][1] < a[m][1]) m = l;
        if (r < a.length && a[r][1] < a[m][1]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

function simplify(points) {
  const out = [];
  for (const p of points) {
    if (out.length >= 2) {
      const a = out[out.length - 2], b = out[out.length - 1];
      if ((a.x === b.x && b.x === p.x) || (a.y === b.y && b.y === p.y)) out.pop();
    }
    out.push(p);
  }
  return out;
}

function segments(waypoints) {
  const result = [];
  for (let k = 1; k < waypoints.length; k++) {
    result.push({ x1: waypoints[k - 1].x, y1: waypoints[k - 1].y, x2: waypoints[k].x, y2: waypoints[k].y });
  }
  return result;
}

/** Is (x, y) on segment s, which runs in the same direction (horizontal or not)? */
function onSegment(s, x, y, horizontal) {
  if ((s.y1 === s.y2) !== horizontal) return false;
  return horizontal
    ? y === s.y1 && x >= Math.min(s.x1, s.x2) && x <= Math.max(s.x1, s.x2)
    : x === s.x1 && y >= Math.min(s.y1, s.y2) && y <= Math.max(s.y1, s.y2);
}

function countCrossings(edges) {
  let n = 0;
  const all = edges.map((e) => segments(e.waypoints));
  for (let a = 0; a < all.length; a++) {
    for (let b = a + 1; b < all.length; b++) {
      for (const s of all[a]) {
        for (const t of all[b]) {
          const sh = s.y1 === s.y2, th = t.y1 === t.y2;
          if (sh === th) continue;
          const [h, v] = sh ? [s, t] : [t, s];
          const [hx1, hx2] = [h.x1, h.x2].sort((p, q) => p - q);
          const [vy1, vy2] = [v.y1, v.y2].sort((p, q) => p - q);
          if (v.x1 > hx1 && v.x1 < hx2 && h.y1 > vy1 && h.y1 < vy2) n++;
        }
      }
    }
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Labels and geometry

// Helvetica/Arial advance widths (1/1000 em) for ASCII 32..126; Liberation Sans matches them.
const WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584
];

function textWidth(text, fontSize = FONT_SIZE) {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0);
    w += c >= 32 && c <= 126 ? WIDTHS[c - 32] : c >= 0x2e80 ? 1000 : 600;
  }
  return (w * fontSize) / 1000;
}

/**
 * Lines of a label as diagram-js' Text util lays them out in a box maxWidth wide: it shortens a
 * too-long line by character count (length * maxWidth / width), preferring a break at a space
 * or hyphen, and otherwise cuts the word. Mirrors layoutNext/shortenLine in diagram-js.
 */
function wrapLikeBpmnJs(text, maxWidth, fontSize = FONT_SIZE) {
  const lines = text.split(/\r?\n/), result = [];
  while (lines.length) {
    const original = lines.shift();
    let fit = original;
    for (;;) {
      const width = fit ? textWidth(fit.trim(), fontSize) : 0;
      if (fit === ' ' || fit === '' || width <= maxWidth || fit.length < 2) break;
      const length = Math.max(fit.length * (maxWidth / width), 1);
      const parts = fit.split(/(\s|-|\u00AD)/g), kept = [];
      let used = 0, part;
      if (parts.length > 1) {
        while ((part = parts.shift())) {
          if (part.length + used < length) { kept.push(part); used += part.length; } else {
            if (part === '-' || part === '\u00AD') kept.pop();
            break;
          }
        }
      }
      fit = kept.join('') || fit.slice(0, Math.max(Math.round(length - 1), 1));
    }
    if (fit.length < original.length) lines.unshift(original.slice(fit.length).trim());
    result.push(fit.trim());
  }
  return result;
}

/**
 * Size of an external label: lines as Camunda Modeler wraps them (90 px box), and the narrowest
 * box in which bpmn-js keeps exactly those lines when it renders the label (with 2 px to spare
 * for font differences), so that no word gets cut. A last line of one to three characters
 * ("First response 75" / "%") reads badly: then the box may be up to 40 px wider.
 */
function labelSize(text) {
  let lines = wrapLikeBpmnJs(text.trim(), LABEL_WRAP);
  for (let w = LABEL_WRAP + 5; w <= LABEL_WRAP + 40 && lines.length > 1 && lines[lines.length - 1].length <= 3; w += 5) {
    lines = wrapLikeBpmnJs(text.trim(), w);
  }
  const key = lines.join('\n');
  let width = Math.ceil(Math.max(...lines.map(textWidth)));
  while (width < 2 * LABEL_WRAP && wrapLikeBpmnJs(text.trim(), width - 2).join('\n') !== key) width++;
  return { width, height: Math.ceil(lines.length * LINE_HEIGHT + 1), lines };
}

function grow(b, by) {
  return { x: b.x - by, y: b.y - by, width: b.width + 2 * by, height: b.height + 2 * by };
}

function overlapArea(a, b) {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Length of an axis-parallel segment inside a box. */
function segmentInBox(seg, box) {
  if (seg.y1 === seg.y2) {
    if (seg.y1 < box.y || seg.y1 > box.y + box.height) return 0;
    const a = Math.max(Math.min(seg.x1, seg.x2), box.x), b = Math.min(Math.max(seg.x1, seg.x2), box.x + box.width);
    return Math.max(0, b - a);
  }
  if (seg.x1 < box.x || seg.x1 > box.x + box.width) return 0;
  const a = Math.max(Math.min(seg.y1, seg.y2), box.y), b = Math.min(Math.max(seg.y1, seg.y2), box.y + box.height);
  return Math.max(0, b - a);
}

/** Coordinates are whole numbers by construction (centres on a 10 px raster, even sizes). */
function num(v) {
  if (!Number.isInteger(v)) throw new Error(`internal error: coordinate ${v} is not a whole number`);
  return String(v);
}

// classes and constants above are initialised by now
for (const file of files) {
  await layoutFile(file);
}
