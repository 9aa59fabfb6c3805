/* preview.js: the preview page's own script. It runs as a WebKit user script
 * (the page itself may not run any script) and exposes window.copydesk, which
 * CdPreview calls with webkit_web_view_evaluate_javascript().
 *
 * Every text field is set with textContent; only the body is HTML, rendered
 * by cmark-gfm without raw HTML, and it is sanitised again here against an
 * allow list before it reaches the document. The body comes as the HTML of
 * each of its blocks; an update parses only the blocks that differ from
 * those shown and patches their nodes in place, so typing in one paragraph
 * of a long article costs one paragraph, and the layout of the others and
 * the scroll position survive it.
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
  const SOURCEPOS_LINES = /^(\d+):(\d+)-(\d+):(\d+)$/;
  const SOURCEPOS_ATTRIBUTES = /data-sourcepos="(\d+):(\d+)-(\d+):(\d+)"/g;
  /* Parts blocks parsed together; cmark-gfm writes no comment of its own
   * but "raw HTML omitted". */
  const BLOCK_END = 'copydesk-block-end';

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
  /* The body as shown, a block at a time: the HTML it was made from,
   * whether it opens the body (the dateline goes into that one) and the
   * nodes it made. What the blocks were cleaned with is the key. */
  let shownBlocks = [];
  let shownKey = null;
  let blocksMade = 0; /* by the last update, for tests */

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

  /* Makes the run @old of @parent's children equal to the nodes @model,
   * touching only what differs, and returns the nodes now in its place.
   * @before is the child after the run. */
  function patchRun (parent, old, model, before) {
    const result = [];
    let i = 0;

    for (const neu of model) {
      const cur = i < old.length ? old[i] : null;

      if (cur !== null && cur.nodeType === neu.nodeType && cur.nodeName === neu.nodeName) {
        if (cur.nodeType === Node.ELEMENT_NODE) {
          syncAttributes(cur, neu);
          patch(cur, neu);
        } else if (cur.nodeValue !== neu.nodeValue) {
          cur.nodeValue = neu.nodeValue;
        }
        result.push(cur);
        i++;
      } else {
        /* A copy made by this document, not @model's node adopted from the
         * inert template: adoption makes WebKit start an image load twice. */
        const copy = document.importNode(neu, true);

        parent.insertBefore(copy, cur !== null ? cur : before);
        result.push(copy);
      }
    }
    for (; i < old.length; i++)
      old[i].remove();
    return result;
  }

  /* Makes the children of @parent equal to those of @model. */
  function patch (parent, model) {
    patchRun(parent, Array.from(parent.childNodes), Array.from(model.childNodes), null);
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

  /* The dateline opens the first paragraph of the body: @nodes are those
   * of its first block. */
  function addDateline (nodes, data) {
    const first = nodes.find((node) => node.nodeType === Node.ELEMENT_NODE);
    let text = data.dateline ? data.dateline : '';

    if (!text && !data.source)
      return;
    if (data.source)
      text = text ? `${text} (${data.source})` : `(${data.source})`;
    if (first === undefined || first.localName !== 'p')
      return;

    const span = document.createElement('span');
    span.className = 'dateline';
    span.textContent = `${text} \u2014 `;
    first.prepend(span);
  }

  function shiftSourcepos (value, delta) {
    return value.replace(SOURCEPOS_LINES,
      (all, l1, c1, l2, c2) => `${Number(l1) + delta}:${c1}-${Number(l2) + delta}:${c2}`);
  }

  /* @html with the lines of its data-sourcepos attributes moved by @delta,
   * as a line added or removed above the block moves them. cmark-gfm
   * escapes every quote in text, so only attributes match. */
  function shiftHtml (html, delta) {
    return html.replace(SOURCEPOS_ATTRIBUTES,
      (all, l1, c1, l2, c2) => `data-sourcepos="${Number(l1) + delta}:${c1}-${Number(l2) + delta}:${c2}"`);
  }

  function firstLine (html) {
    SOURCEPOS_ATTRIBUTES.lastIndex = 0;
    const match = SOURCEPOS_ATTRIBUTES.exec(html);

    SOURCEPOS_ATTRIBUTES.lastIndex = 0;
    return match ? Number(match[1]) : null;
  }

  function shiftNodes (nodes, delta) {
    for (const node of nodes) {
      if (node.nodeType !== Node.ELEMENT_NODE)
        continue;
      for (const el of [node, ...node.querySelectorAll('[data-sourcepos]')]) {
        const value = el.getAttribute('data-sourcepos');

        if (value !== null)
          el.setAttribute('data-sourcepos', shiftSourcepos(value, delta));
      }
    }
  }

  function parse (html, data) {
    const template = document.createElement('template');

    template.innerHTML = html;
    clean(template.content, data);
    return Array.from(template.content.childNodes);
  }

  /* The blocks of @htmls, the first of them at @start in the body, parsed
   * in one go with a comment between blocks to part their nodes again: a
   * long run (a whole article) costs one parse, not one a block. Each
   * block's HTML is whole elements, so every comment stands between
   * blocks; should one not, each block is parsed on its own. */
  function makeBlocks (htmls, start, data) {
    const made = htmls.map((html, i) => ({ html, first: start + i === 0, nodes: [] }));
    let i = 0;

    if (htmls.length === 0)
      return made;
    for (const node of parse(htmls.join(`<!--${BLOCK_END}-->`), data)) {
      if (node.nodeType === Node.COMMENT_NODE && node.data === BLOCK_END)
        i++;
      else if (i < made.length)
        made[i].nodes.push(node);
    }
    if (i !== htmls.length - 1)
      made.forEach((block) => { block.nodes = parse(block.html, data); });
    if (start === 0)
      addDateline(made[0].nodes, data);
    return made;
  }

  /* The blocks alike at the start and at the end are kept; those at the
   * end may have moved by some lines. The run between is made again. */
  function updateBody (data) {
    const blocks = data.blocks || [];
    const key = JSON.stringify([data.dateline, data.source, Boolean(data.remoteImages),
      data.blockedImage]);
    /* Made with other rules, every block is made again; the nodes shown
     * stand as one block that matches none. */
    const old = key === shownKey ? shownBlocks
      : [{ html: null, first: false, nodes: Array.from(els.body.childNodes) }];
    let start = 0;
    let end = 0;
    let delta = null;

    shownKey = key;
    while (start < old.length && start < blocks.length && old[start].html === blocks[start])
      start++;
    while (end < old.length - start && end < blocks.length - start) {
      const block = old[old.length - 1 - end];
      const index = blocks.length - 1 - end;

      if (block.html === null || block.first !== (index === 0))
        break;
      if (block.html !== blocks[index]) {
        if (delta === null) {
          const was = firstLine(block.html);
          const now = firstLine(blocks[index]);

          if (was === null || now === null || was === now)
            break;
          delta = now - was;
        }
        if (shiftHtml(block.html, delta) !== blocks[index])
          break;
      }
      end++;
    }

    const tail = old.slice(old.length - end);
    const made = makeBlocks(blocks.slice(start, blocks.length - end), start, data);
    const after = tail.find((block) => block.nodes.length > 0);
    const run = old.slice(start, old.length - end).flatMap((block) => block.nodes);
    const nodes = patchRun(els.body, run, made.flatMap((block) => block.nodes),
      after ? after.nodes[0] : null);
    let taken = 0;

    for (const block of made) {
      block.nodes = nodes.slice(taken, taken + block.nodes.length);
      taken += block.nodes.length;
    }
    tail.forEach((block, i) => {
      const html = blocks[blocks.length - end + i];

      if (block.html !== html) {
        shiftNodes(block.nodes, delta);
        block.html = html;
      }
    });
    shownBlocks = [...old.slice(0, start), ...made, ...tail];
    blocksMade = made.length;
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

    updateBody(data);

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
      blocksMade: () => blocksMade,
    }),
    writable: false,
    configurable: false,
  });
})();
