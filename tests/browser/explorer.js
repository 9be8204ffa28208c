// window.bsExplorer: the balance explorer seen from the page (tests/browser, benchmarks).
// Loaded by browser_harness.explorer_js().
window.bsExplorer = (() => {
  const TEXT = '.widget-html, .widget-htmlmath, .widget-label';
  const FOCUSABLE = '.noUi-handle, button, select, input:not([type=hidden]), textarea';
  function canvasDiv() {
    // the ipympl canvas that sits in the same app as some sliders
    for (const c of document.querySelectorAll('.jupyter-matplotlib-canvas-div')) {
      let e = c;
      while (e && e !== document.body) {
        if (e.querySelector('.widget-slider')) return c;
        e = e.parentElement;
      }
    }
    return null;
  }
  function root() {
    // the whole app: the outermost widget of the output that holds the canvas (the figure,
    // its controls beside it and the collapsible panels below), else the nearest box that
    // holds both the canvas and sliders
    let e = canvasDiv();
    while (e && e !== document.body && !e.querySelector('.widget-slider')) e = e.parentElement;
    while (e && e.parentElement && e.parentElement !== document.body &&
           e.parentElement.closest('.jupyter-widgets') &&
           !e.parentElement.matches('.jp-OutputArea-output, .jupyter-widgets-output-area')) {
      e = e.parentElement;
    }
    return e;
  }
  function canvas() { const d = canvasDiv(); return d && d.querySelector('canvas'); }
  function handles() { const r = root(); return r ? [...r.querySelectorAll('.widget-slider .noUi-handle')] : []; }
  function controls() {
    const r = root();
    if (!r) return [];
    return [...r.querySelectorAll(FOCUSABLE)].filter(
      e => !e.closest('.jupyter-matplotlib') && !e.disabled && e.offsetParent !== null);
  }
  function textOf(e) { return (e.innerText || e.textContent || '').trim(); }
  let nextId = 0;
  return {
    describe() {
      return {sliders: handles().length, readout: !!root() && !!root().querySelector(TEXT),
              canvas: !!canvas(), controls: controls().length};
    },
    readoutText() {
      const r = root();
      return r ? [...r.querySelectorAll('.widget-html')].map(textOf).join('\n') : '';
    },
    figureHash() {
      const c = canvas();
      if (!c || !c.width) return 0;
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let h = 0;
      for (let i = 0; i < d.length; i += 4) h = (Math.imul(h, 31) + d[i] + 7 * d[i + 1] + 13 * d[i + 2]) | 0;
      return h;
    },
    sliderValues() { return handles().map(h => h.getAttribute('aria-valuenow')); },
    sliderValue(i) { return handles()[i].getAttribute('aria-valuenow'); },
    focusSlider(i) { const h = handles()[i]; h.focus(); return h.getAttribute('aria-valuenow'); },
    focusButton(re) {
      const b = [...root().querySelectorAll('button')].find(b => re.test(textOf(b)) || re.test(b.title || ''));
      if (!b) return false;
      b.focus();
      return document.activeElement === b;
    },
    controlIds() {
      return controls().map(e => {
        if (!e.dataset.bsId) e.dataset.bsId = `${e.tagName.toLowerCase()}-${nextId++}:` +
          textOf(e.closest('.widget-inline-hbox, .widget-inline-vbox, .widget-toggle-buttons') || e).slice(0, 40);
        return e.dataset.bsId;
      });
    },
    activeId() { const a = document.activeElement; return a && a.dataset ? (a.dataset.bsId || a.tagName) : null; },
    focusCanvas() { canvasDiv().focus(); return document.activeElement === canvasDiv(); },
    canvasHasFocus() { return document.activeElement === canvasDiv(); },
    figureDescription() {
      const d = canvasDiv();
      if (!d) return null;
      for (const a of ['aria-describedby', 'aria-labelledby']) {
        const ids = d.getAttribute(a);
        if (ids) return ids.split(/\s+/).map(id => textOf(document.getElementById(id) || d)).join(' ');
      }
      // climb from the canvas widget to the app's box; a description is a text widget
      // (HTML / Label) right before or after the figure at one of those levels
      let w = d.closest('.jupyter-matplotlib') || d;
      for (let level = 0; w && level < 4; level++, w = w.parentElement) {
        for (const s of [w.previousElementSibling, w.nextElementSibling]) {
          if (s && s.matches(TEXT) && textOf(s).length >= 40) return textOf(s);
          // or the panel of a collapsible section placed right there
          if (s && s.matches('.jupyter-widget-Accordion') && !s.querySelector('canvas')) {
            const t = [...s.querySelectorAll(TEXT)].map(textOf).find(x => x.length >= 40);
            if (t) return t;
          }
        }
        if (w.parentElement && w.parentElement.querySelector('.widget-slider')) break;
      }
      return null;
    },
  };
})();

// window.bsFigures.undescribed(): every figure on the page (ipympl canvas or static image
// output) that has no text description next to it. A live figure needs a text widget
// (HTML/Label, >= 40 characters) right before or after it in its app - on its own or as the
// panel of a collapsible section placed there (a screen reader reads it, a click opens it) -
// or aria-describedby;
// a static image needs alt text, a text output beside it, or a markdown cell right before
// or after its cell.
window.bsFigures = (() => {
  const TEXT = '.widget-html, .widget-htmlmath, .widget-label';
  const textOf = e => (e ? (e.innerText || e.textContent || '') : '').trim();
  function cellOf(e) { return e.closest('.jp-Cell, [cell-index]'); }
  function neighbourCells(cell) {
    const box = cell.closest('[cell-index]') || cell;
    return [box.previousElementSibling, box.nextElementSibling].filter(Boolean);
  }
  function liveDescribed(div) {
    if (div.getAttribute('aria-describedby')) return true;
    let w = div.closest('.jupyter-matplotlib') || div;
    for (let level = 0; w && level < 5; level++, w = w.parentElement) {
      if (w.matches('.jp-OutputArea-output, .jp-Cell, body')) break;
      for (const s of [w.previousElementSibling, w.nextElementSibling]) {
        if (s && s.matches(TEXT) && textOf(s).length >= 40) return true;
        if (s && s.matches('.jupyter-widget-Accordion') && !s.querySelector('canvas') &&
            [...s.querySelectorAll(TEXT)].some(t => textOf(t).length >= 40)) return true;
      }
    }
    return false;
  }
  function staticDescribed(img) {
    if ((img.alt || '').trim().length >= 20) return true;
    const child = img.closest('.jp-OutputArea-child');
    if (child) {
      for (const s of [child.previousElementSibling, child.nextElementSibling]) {
        if (s && !s.querySelector('img, canvas') && textOf(s).length >= 40) return true;
      }
    }
    const cell = cellOf(img);
    if (!cell) return false;
    return neighbourCells(cell).some(
      c => c.querySelector('.jp-MarkdownOutput, .jp-RenderedMarkdown') && textOf(c).length >= 40);
  }
  return {
    undescribed() {
      const bad = [];
      document.querySelectorAll('.jupyter-matplotlib-canvas-div').forEach((d, i) => {
        if (!liveDescribed(d)) bad.push(`live figure #${i + 1}`);
      });
      document.querySelectorAll(
        ".jp-OutputArea-output[data-mime-type^='image/'] img").forEach((img, i) => {
        if (!staticDescribed(img)) bad.push(`static image #${i + 1}`);
      });
      return bad;
    },
    count() {
      return document.querySelectorAll('.jupyter-matplotlib-canvas-div, ' +
        ".jp-OutputArea-output[data-mime-type^='image/'] img").length;
    },
  };
})();
