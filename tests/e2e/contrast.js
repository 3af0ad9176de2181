// Text against its rendered background, as Chromium computes the colours: WCAG 1.4.3 (4.5:1, large 3:1).
// Returns the pieces of text below the ratio. Used by test_browser.py.
(() => {
  const parse = c => { const p = c.match(/[\d.]+/g).map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const back = el => { while (el) { const c = parse(getComputedStyle(el).backgroundColor); if (c.a > 0.5) return c; el = el.parentElement; }
    return {r: 255, g: 255, b: 255, a: 1}; };
  const low = []; const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || seen.has(el) || el.closest('svg, script, style, template, .visually-hidden')) continue;
    seen.add(el);
    const s = getComputedStyle(el); const r = el.getBoundingClientRect();
    if (s.visibility === 'hidden' || s.display === 'none' || !r.width || !r.height) continue;
    const a = lum(parse(s.color)), b = lum(back(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const large = parseFloat(s.fontSize) >= 24 || (parseInt(s.fontWeight) >= 700 && parseFloat(s.fontSize) >= 18.66);
    if (ratio < (large ? 3 : 4.5)) low.push(el.tagName + ' "' + walker.currentNode.textContent.trim().slice(0, 30) + '" ' + ratio.toFixed(2));
  }
  return low;
})
