/* preview.js: the preview page's own script. It runs as a WebKit user script
 * (the page itself may not run any script) and exposes window.copydesk, which
 * CdPreview calls with webkit_web_view_evaluate_javascript().
 *
 * Every text field is set with textContent; only the body is HTML, rendered
 * by cmark-gfm without raw HTML, and it is sanitised again here against an
 * allow list before it reaches the document. Updates patch the existing body
 * in place, so the layout of unchanged paragraphs and the scroll position
 * survive an update.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

'use strict';

(() => {
  const ALLOWED_TAGS = new Set([
    'a', 'blockquote', 'br', 'code', 'del', 'div', 'em', 'figcaption', 'figure', 'h1', 'h2',
    'h3', 'h4', 'h5', 'h6', 'hr', 'img', 'input', 'li', 'ol', 'p', 'pre', 'section', 'span', 'strong',
    'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
  ]);
  /* Elements removed with their content; anything else unknown is unwrapped. */
  const DROPPED_TAGS = new Set([
    'applet', 'audio', 'base', 'button', 'canvas', 'embed', 'form', 'frame', 'frameset',
    'iframe', 'link', 'math', 'meta', 'noscript', 'object', 'script', 'select', 'style',
    'svg', 'template', 'textarea', 'title', 'video',
  ]);
  const ALLOWED_ATTRIBUTES = new Set([
    'align', 'alt', 'checked', 'class', 'data-sourcepos', 'disabled', 'href', 'id', 'src',
    'start', 'title', 'type',
  ]);
  const SOURCEPOS = /^(\d+):\d+-(\d+):\d+$/;

  const $ = (id) => document.getElementById(id);
  const els = {
    root: document.documentElement,
    embargo: $('embargo'),
    kicker: $('kicker'),
    headline: $('headline'),
    dek: $('dek'),
    meta: $('meta'),
    byline: $('byline'),
    date: $('date'),
    figure: $('figure'),
    figureImage: $('figure-image'),
    caption: $('caption'),
    credit: $('credit'),
    body: $('body'),
    tags: $('tags'),
    corrections: $('corrections'),
    correctionsTitle: $('corrections-title'),
    correctionsList: $('corrections-list'),
  };
  let syncedSourcepos = null;

  function isSafeLink (href) {
    return /^(https?:|mailto:|#)/i.test(href);
  }

  function isLocalImage (src) {
    return /^(data:image\/|copydesk-preview:)/i.test(src) || /^copydesk-image:[0-9a-f]{64}$/.test(src);
  }

  function isRemoteImage (src) {
    return /^https?:/i.test(src);
  }

  function cleanAttributes (el) {
    for (const attr of Array.from(el.attributes)) {
      if (!ALLOWED_ATTRIBUTES.has(attr.name))
        el.removeAttribute(attr.name);
    }
    if (el.localName === 'a' && el.hasAttribute('href') && !isSafeLink(el.getAttribute('href')))
      el.removeAttribute('href');
    if (el.localName !== 'img')
      el.removeAttribute('src');
    if (el.localName === 'input') {
      /* Task list items: a checkbox nobody can tick in the preview. */
      el.setAttribute('type', 'checkbox');
      el.setAttribute('disabled', '');
    }
  }

  function blockedImage (img, message) {
    const span = document.createElement('span');
    const alt = img.getAttribute('alt');

    span.className = 'blocked-image';
    span.title = img.getAttribute('src');
    span.textContent = alt ? `${message}: ${alt}` : message;
    return span;
  }

  function clean (node, options) {
    for (let child = node.firstChild; child !== null;) {
      const next = child.nextSibling;

      if (child.nodeType === Node.ELEMENT_NODE) {
        const name = child.localName;

        if (DROPPED_TAGS.has(name) || child.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
          child.remove();
        } else if (!ALLOWED_TAGS.has(name)) {
          clean(child, options);
          child.replaceWith(...child.childNodes);
        } else {
          cleanAttributes(child);
          if (name === 'img') {
            const src = child.getAttribute('src') || '';

            if (isRemoteImage(src) && !options.remoteImages)
              child.replaceWith(blockedImage(child, options.blockedImage));
            else if (!isRemoteImage(src) && !isLocalImage(src))
              child.removeAttribute('src');
          } else {
            clean(child, options);
          }
        }
      } else if (child.nodeType !== Node.TEXT_NODE && child.nodeType !== Node.COMMENT_NODE) {
        child.remove();
      }
      child = next;
    }
  }

  function syncAttributes (el, model) {
    for (const attr of Array.from(el.attributes)) {
      if (!model.hasAttribute(attr.name))
        el.removeAttribute(attr.name);
    }
    for (const attr of Array.from(model.attributes)) {
      if (el.getAttribute(attr.name) !== attr.value)
        el.setAttribute(attr.name, attr.value);
    }
  }

  /* Makes the children of @parent equal to those of @model, touching only
   * what differs. */
  function patch (parent, model) {
    let old = parent.firstChild;
    let neu = model.firstChild;

    while (neu !== null) {
      const nextNeu = neu.nextSibling;

      if (old !== null && old.nodeType === neu.nodeType && old.nodeName === neu.nodeName) {
        if (old.nodeType === Node.ELEMENT_NODE) {
          syncAttributes(old, neu);
          patch(old, neu);
        } else if (old.nodeValue !== neu.nodeValue) {
          old.nodeValue = neu.nodeValue;
        }
        old = old.nextSibling;
      } else {
        /* A copy made by this document, not @model's node adopted from the
         * inert template: adoption makes WebKit start an image load twice. */
        parent.insertBefore(document.importNode(neu, true), old);
      }
      neu = nextNeu;
    }
    while (old !== null) {
      const next = old.nextSibling;

      old.remove();
      old = next;
    }
  }

  function setText (el, text) {
    const value = text || '';

    if (el.textContent !== value)
      el.textContent = value;
    el.hidden = value === '';
  }

  function setList (list, items, makeItem) {
    const model = document.createDocumentFragment();

    for (const item of items)
      model.append(makeItem(item));
    patch(list, model);
  }

  function addDateline (fragment, data) {
    const first = fragment.firstElementChild;
    let text = data.dateline ? data.dateline : '';

    if (!text && !data.source)
      return;
    if (data.source)
      text = text ? `${text} (${data.source})` : `(${data.source})`;
    if (first === null || first.localName !== 'p')
      return;

    const span = document.createElement('span');
    span.className = 'dateline';
    span.textContent = `${text} \u2014 `;
    first.prepend(span);
  }

  function update (data) {
    const x = window.scrollX;
    const y = window.scrollY;

    els.root.lang = data.language || '';
    /* Printing names the document after its title. */
    document.title = data.headline || data.untitled || '';
    setText(els.embargo, data.embargo);
    setText(els.kicker, data.section);
    setText(els.headline, data.headline || data.untitled);
    els.headline.classList.toggle('placeholder', !data.headline);
    setText(els.dek, data.dek);
    setText(els.byline, data.byline);
    setText(els.date, data.date);
    if (data.dateIso)
      els.date.setAttribute('datetime', data.dateIso);
    els.meta.hidden = els.byline.hidden && els.date.hidden;

    if (data.image && (isLocalImage(data.image) || (data.remoteImages && isRemoteImage(data.image)))) {
      if (els.figureImage.getAttribute('src') !== data.image)
        els.figureImage.setAttribute('src', data.image);
      els.figureImage.alt = data.imageAlt || data.caption || '';
      setText(els.caption, data.caption);
      setText(els.credit, data.credit);
      els.figure.hidden = false;
    } else {
      els.figureImage.removeAttribute('src');
      els.figure.hidden = true;
    }

    const template = document.createElement('template');
    template.innerHTML = data.body || '';
    const fragment = template.content;
    clean(fragment, data);
    addDateline(fragment, data);
    patch(els.body, fragment);

    const tags = data.tags || [];
    setList(els.tags, tags, (tag) => {
      const li = document.createElement('li');
      li.textContent = tag;
      return li;
    });
    els.tags.hidden = tags.length === 0;

    const corrections = data.corrections || [];
    els.correctionsTitle.textContent = data.correctionsTitle || '';
    setList(els.correctionsList, corrections, (correction) => {
      const li = document.createElement('li');
      const time = document.createElement('time');
      time.textContent = correction.date;
      li.append(time, ` ${correction.note}`);
      return li;
    });
    els.corrections.hidden = corrections.length === 0;

    if (window.scrollX !== x || window.scrollY !== y)
      window.scrollTo(x, y);
    return els.body.childElementCount;
  }

  function sourceRange (el) {
    const match = SOURCEPOS.exec(el.getAttribute('data-sourcepos') || '');

    return match ? [Number(match[1]), Number(match[2])] : null;
  }

  /* The deepest element whose data-sourcepos covers @line, or else the last
   * block that starts before it. */
  function findSourceElement (line) {
    let best = null;
    let candidates = els.body.children;

    for (;;) {
      let found = null;
      let foundRange = null;

      for (const el of candidates) {
        const range = sourceRange(el);

        if (range === null)
          continue;
        if (range[0] > line)
          break;
        found = el;
        foundRange = range;
        if (line <= range[1])
          break;
      }
      if (found === null)
        return best;
      best = { el: found, range: foundRange };
      /* A block on one line (a table row, a short item) is as fine as the
       * editor's lines go. */
      if (line > foundRange[1] || foundRange[0] === foundRange[1])
        return best;
      candidates = found.querySelectorAll(':scope > [data-sourcepos], :scope > * > [data-sourcepos]');
    }
  }

  function scrollToLine (line) {
    const found = findSourceElement(line);

    if (found === null) {
      syncedSourcepos = null;
      window.scrollTo(window.scrollX, 0);
      return null;
    }

    const [first, last] = found.range;

    /* At the top of the body the headline and the rest above it show too. */
    if (found.el === els.body.firstElementChild && line <= first) {
      syncedSourcepos = found.el.getAttribute('data-sourcepos');
      window.scrollTo(window.scrollX, 0);
      return syncedSourcepos;
    }

    const rect = found.el.getBoundingClientRect();
    let offset = 0;

    /* Inside a long paragraph, move proportionally through it. */
    if (line > first && line <= last)
      offset = rect.height * (line - first) / (last - first + 1);
    window.scrollTo(window.scrollX, Math.max(0, window.scrollY + rect.top + offset - 16));
    syncedSourcepos = found.el.getAttribute('data-sourcepos');
    return syncedSourcepos;
  }

  function setDark (dark) {
    els.root.classList.toggle('dark', Boolean(dark));
  }

  /* Links inside the article stay in the page; every other click on a link
   * becomes a navigation that CdPreview refuses and hands to the browser. */
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;

    if (link === null)
      return;
    event.preventDefault();
    const target = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
    if (target !== null && els.body.contains(target))
      target.scrollIntoView({ block: 'start' });
  }, true);

  Object.defineProperty(window, 'copydesk', {
    value: Object.freeze({
      update,
      scrollToLine,
      setDark,
      syncedSourcepos: () => syncedSourcepos,
    }),
    writable: false,
    configurable: false,
  });
})();
