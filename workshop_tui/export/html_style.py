"""The stylesheet of the HTML export, inlined into every file.

Screen: an A4-wide page on a grey desk. Print (the browser's "print to PDF"):
A4 with margins, exercises following each other without forced page breaks (a
heading never ends a page, a chart, a highlight list, a card or a table row is
never split), table headers repeated, colours kept. Chart numbers are at least
9 pt on paper. Only fonts already on the reader's machine
are named, so the file needs no network.
"""

from __future__ import annotations

CSS = """
@page { size: A4; margin: 16mm 15mm 18mm 15mm;
  @bottom-left { content: var(--footer, ""); font: 8pt var(--sans); color: #5b6472; }
  @bottom-right { content: counter(page) " / " counter(pages);
    font: 8pt var(--sans); color: #5b6472; } }
:root { --sans: "Segoe UI", "Helvetica Neue", Helvetica, Arial, "Liberation Sans",
  "DejaVu Sans", sans-serif; --ink: #1d2733; --muted: #5b6472; --rule: #d9dde3;
  --accent: #0072B2; --split: #B34A00; --paper: #ffffff; --tint: #f4f6f8; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #e9ecef; color: var(--ink); font: 10.5pt/1.45 var(--sans); }
main { max-width: 210mm; margin: 0 auto; }
.page { background: var(--paper); padding: 16mm 15mm; margin: 8mm 0;
  box-shadow: 0 1px 4px rgba(0,0,0,.12); }
h1, h2, h3 { line-height: 1.2; margin: 0; font-weight: 650; }
h1 { font-size: 24pt; letter-spacing: -.01em; margin: 4mm 0 3mm; }
h2 { font-size: 17pt; margin: 1mm 0 3mm; }
h3 { font-size: 11.5pt; margin: 7mm 0 2.5mm; color: var(--ink);
  border-bottom: 1px solid var(--rule); padding-bottom: 1.5mm; break-after: avoid; }
.keep { break-inside: avoid; break-after: avoid; }
p { margin: 0 0 2.5mm; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 8pt;
  color: var(--accent); font-weight: 700; margin: 0; }
.band { height: 5px; background: linear-gradient(90deg, #0072B2 0 40%, #56B4E9 40% 70%,
  #009E73 70% 85%, #E69F00 85%); border-radius: 3px; margin-bottom: 10mm; }
.cover h1 { font-size: 28pt; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 1.5mm 6mm;
  margin: 8mm 0 9mm; font-size: 10.5pt; }
.meta dt { color: var(--muted); } .meta dd { margin: 0; font-weight: 600; }
.toc ol { margin: 0; padding-left: 6mm; columns: 1; }
.toc li { margin: 1mm 0; } .toc a { color: var(--ink); text-decoration: none; }
.toc .kind { color: var(--muted); font-size: 9pt; }
.about { background: var(--tint); border-left: 3px solid var(--accent);
  padding: 4mm 5mm; margin-top: 9mm; font-size: 9.5pt; }
.about h2 { font-size: 11pt; margin-bottom: 2mm; }
.about p:last-child { margin: 0; }
.prompt { font-style: italic; color: #333c48; }
.scale { color: var(--muted); font-size: 9pt; }
.figure { margin: 3mm 0 1mm; break-inside: avoid; }
.figure svg { max-width: 100%; height: auto; display: block; }
.caption { color: var(--muted); font-size: 8.5pt; margin-top: 1mm; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 1mm 0 2mm; }
thead { display: table-header-group; }
th { text-align: left; font-weight: 600; color: var(--muted); font-size: 8pt;
  text-transform: uppercase; letter-spacing: .04em; border-bottom: 1.5px solid var(--ink);
  padding: 1.5mm 1.5mm; }
td { border-bottom: 1px solid var(--rule); padding: 1.1mm 1.5mm; vertical-align: middle; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.mean { font-weight: 700; }
td.dist { width: 1%; white-space: nowrap; }
td.dist .badge, td.dist .muted { display: block; margin-top: .5mm; white-space: normal; }
table.items td.item { min-width: 60mm; }
tr.group th { background: var(--tint); color: var(--ink); text-transform: none;
  letter-spacing: 0; font-size: 9pt; border-bottom: 1px solid var(--rule); padding-top: 2mm; }
tr.group { break-after: avoid; }
.muted { color: var(--muted); font-style: italic; }
.verdict { font-weight: 700; white-space: nowrap; }
code.flag { font: inherit; white-space: nowrap; }
.verdict.better { color: #0072B2; } .verdict.worse { color: #B34A00; }
.verdict.higher, .verdict.lower, .verdict.same { color: var(--muted); }
.badge { display: inline-block; padding: .2mm 1.8mm; border-radius: 8px; font-size: 8pt;
  font-weight: 700; color: #fff; background: var(--split); white-space: nowrap; }
.stats { display: flex; gap: 3mm; margin: 3mm 0; }
.stat { flex: 1; background: var(--tint); border-radius: 2mm; padding: 2.5mm 3mm; }
.stat b { display: block; font-size: 15pt; } .stat span { color: var(--muted); font-size: 8pt; }
.top { break-inside: avoid; }
.tops { display: grid; grid-template-columns: repeat(auto-fit, minmax(75mm, 1fr)); gap: 0 6mm; }
.tops h3 { margin-top: 5mm; }
.loose { margin: 0 0 2mm; padding-left: 5mm; font-size: 9pt; }
.top ol { margin: 0; padding: 0; list-style: none; counter-reset: top; }
.top li { display: grid; grid-template-columns: 9mm 1fr max-content; gap: 0 3mm;
  padding: 2.5mm 0; border-bottom: 1px solid var(--rule); break-inside: avoid; }
.top .no { font-size: 15pt; font-weight: 700; color: var(--accent); line-height: 1; }
.top .txt b { display: block; } .top .note { color: #333c48; font-size: 9pt; margin-top: 1mm; }
.top .val { font-weight: 700; font-size: 12pt; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(70mm, 1fr)); gap: 4mm; }
.card { border: 1px solid var(--rule); border-top: 3px solid var(--accent); border-radius: 1.5mm;
  padding: 3mm 3.5mm; break-inside: avoid; background: var(--paper); }
.card h4 { margin: 0 0 1.5mm; font-size: 9.5pt; color: var(--accent); }
.card p, .answer { white-space: pre-wrap; font-size: 9.5pt; margin: 0; }
.box { margin-bottom: 6mm; }
.box .q { color: #333c48; font-style: italic; margin-bottom: 1mm; }
.box ul { margin: 0 0 3mm; padding-left: 5mm; color: var(--muted); font-size: 9pt; }
.challenge { background: var(--tint); border-left: 3px solid #E69F00; padding: 2mm 3mm;
  margin: 0 0 2mm; font-size: 9.5pt; }
.note-box { margin-top: 6mm; border: 1px dashed var(--muted); padding: 3mm 4mm;
  background: #fffaf0; font-size: 9.5pt; break-inside: avoid; }
.note-box h4 { margin: 0 0 1mm; font-size: 9pt; text-transform: uppercase;
  letter-spacing: .05em; color: var(--muted); }
footer { color: var(--muted); font-size: 8pt; text-align: center; padding: 4mm 0 10mm; }
/* A phone (360-500 px): the page's paper margins shrink, the grids take one column, and a
   table wider than the screen (the items' eight columns, a table exercise's) scrolls inside
   its own box (html_parts.scroll_box): the page scrolled sideways (686 px at 360-500).
   Print never matches (a printed page is wider). */
@media screen and (max-width: 600px) {
  body { font-size: 10pt; }
  .page { padding: 6mm 4mm; margin: 0 0 3mm; }
  .tops, .cards { grid-template-columns: 1fr; }
  .stats { flex-wrap: wrap; }
  .scrolls { overflow-x: auto; }
  td { overflow-wrap: break-word; hyphens: auto; } th { letter-spacing: 0; }
  h1, .cover h1 { font-size: 20pt; } h2 { font-size: 15pt; }
  h1, h2, h3, p, li, dd { overflow-wrap: break-word; hyphens: auto; }
  table.items td.item { min-width: 40mm; }
}
@media print {
  body { background: none; font-size: 9.5pt; line-height: 1.35; }
  main { max-width: none; }
  .page { box-shadow: none; margin: 0; padding: 0; }
  .cover .band { margin-bottom: 5mm; }
  .cover h1 { font-size: 22pt; } .meta { margin: 4mm 0 5mm; }
  /* The cover on one sheet: the demo's notes on the figures ran one line onto page 2, and
     again when an anonymous edition said what it left out (results.edition). */
  .about { margin-top: 4mm; padding: 3mm 4mm; font-size: 8pt; } .about p { margin-bottom: 1.2mm; }
  .exercise { margin-top: 8mm; padding-top: 4mm; border-top: 2px solid var(--ink); }
  /* An exercise's head prints whole with what follows: the scale line's second sentence
     alone at the top of a page read as a stray remark, its heading a page earlier. */
  .kicker, h2, .prompt, .scale { break-after: avoid; break-inside: avoid; }
  p, li { orphans: 3; widows: 3; }
  h3 { margin: 4.5mm 0 2mm; }
  .figure, .stats, .top, .card, .box .keep, .note-box, .challenge { break-inside: avoid; }
  footer { display: none; }
  a { color: inherit; text-decoration: none; }
}
"""
