// venous-cds preview page. Vanilla JS, no dependencies, loaded under a strict CSP.
//
// Safety: every text that comes from a request or a response is put on the page with
// textContent, except the card detail, which goes through renderMarkdown: that escapes ALL
// HTML first and only then adds the few tags it knows (strong, code, ul/li, p, br, and links
// to http/https URLs).
'use strict';

(function () {
  const INDICATOR_LABELS = { info: 'Info', warning: 'Warning', critical: 'Critical' };
  const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]/;

  // ---------------------------------------------------------------- safe Markdown

  /** Escapes the five HTML-significant characters. */
  function escapeHtml(text) {
    return String(text)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');
  }

  /** **bold** and [text](http(s)://…) links in already escaped text (outside code spans). */
  function emphasis(escaped) {
    return escaped
      .replace(/\*\*([^*]+?)\*\*/g, '<strong>$1</strong>')
      .replace(
        /\[([^\]]+)\]\((https?:\/\/[^\s()]+)\)/g,
        '<a href="$2" rel="noopener noreferrer" target="_blank">$1</a>'
      );
  }

  /** Inline Markdown of one escaped line: `code` first, then emphasis and links. */
  function inline(escaped) {
    const parts = escaped.split('`');
    if (parts.length % 2 === 0) {
      // An unmatched backtick stays a backtick.
      const last = parts.pop();
      parts[parts.length - 1] += '`' + last;
    }
    return parts
      .map((part, i) => (i % 2 === 1 ? '<code>' + part + '</code>' : emphasis(part)))
      .join('');
  }

  /**
   * Renders the Markdown subset of card details as HTML: paragraphs (blank-line separated,
   * single newlines become <br>), "- " bullet lists, **bold**, `code`, and http/https links.
   * All HTML in the input is escaped before anything else, so none passes through.
   */
  function renderMarkdown(markdown) {
    const lines = escapeHtml(markdown || '').replace(/\r\n?/g, '\n').split('\n');
    const html = [];
    let paragraph = [];
    let list = [];
    const flushParagraph = () => {
      if (paragraph.length) html.push('<p>' + paragraph.map(inline).join('<br>') + '</p>');
      paragraph = [];
    };
    const flushList = () => {
      if (list.length) html.push('<ul>' + list.map((item) => '<li>' + inline(item) + '</li>').join('') + '</ul>');
      list = [];
    };
    for (const line of lines) {
      const bullet = /^\s*[-*] +(.*)$/.exec(line);
      if (bullet) {
        flushParagraph();
        list.push(bullet[1]);
      } else if (line.trim() === '') {
        flushParagraph();
        flushList();
      } else {
        flushList();
        paragraph.push(line.trim());
      }
    }
    flushParagraph();
    flushList();
    return html.join('');
  }

  // ---------------------------------------------------------------- DOM helpers

  function $(id) {
    return document.getElementById(id);
  }

  /** An element with attributes and children (strings become text nodes). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function httpUrl(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (_) {
      return null;
    }
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  // ---------------------------------------------------------------- state

  const state = {
    services: [],
    fixtures: [],
    fixture: null, // the chosen fixture's detail
    fixtureText: '', // its request as loaded (to tell an edited request)
  };

  function setStatus(text) {
    $('status').textContent = text;
  }

  function describeRequestState() {
    const hint = $('request-state');
    const f = state.fixture;
    if (!f) {
      hint.textContent = 'Pasted request: evaluated as of today, with the service\u2019s region.';
    } else if ($('request').value === state.fixtureText) {
      hint.textContent = 'Fixture request: evaluated as of ' + f.evaluationDate + ', region ' + f.region + '.';
    } else {
      hint.textContent =
        'Edited fixture request: evaluated with the fixture\u2019s date ' + f.evaluationDate +
        ', region ' + f.region + ' and its canned FHIR answers.';
    }
  }

  // ---------------------------------------------------------------- loading

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
    return response.json();
  }

  async function loadServices() {
    const discovery = await getJson('/cds-services');
    state.services = discovery.services || [];
    const select = $('service');
    clear(select);
    for (const service of state.services) {
      select.append(el('option', { value: service.id, title: service.hook + ': ' + (service.description || '') },
        service.id));
    }
  }

  async function loadFixtures() {
    state.fixtures = await getJson('/preview/fixtures');
    const select = $('fixture');
    const groups = new Map();
    for (const fixture of state.fixtures) {
      const key = fixture.source + ' / ' + fixture.rule;
      if (!groups.has(key)) {
        const group = el('optgroup', { label: key });
        groups.set(key, group);
        select.append(group);
      }
      groups.get(key).append(el('option', { value: fixture.path, title: fixture.description },
        fixture.rule + ' \u00b7 ' + fixture.scenario));
    }
    select.dataset.loaded = String(state.fixtures.length);
  }

  async function chooseFixture(path) {
    const description = $('fixture-description');
    if (!path) {
      state.fixture = null;
      state.fixtureText = '';
      description.hidden = true;
      describeRequestState();
      return;
    }
    setStatus('Loading fixture\u2026');
    const detail = await getJson('/preview/fixtures/' + path.split('/').map(encodeURIComponent).join('/'));
    state.fixture = detail;
    state.fixtureText = JSON.stringify(detail.request, null, 2);
    $('request').value = state.fixtureText;
    if (state.services.some((s) => s.id === detail.service)) $('service').value = detail.service;
    description.textContent = detail.description + ' (evaluation date ' + detail.evaluationDate + ')';
    description.hidden = false;
    $('request').dataset.fixture = path;
    describeRequestState();
    setStatus('');
  }

  // ---------------------------------------------------------------- running

  async function run() {
    const button = $('run');
    const service = $('service').value;
    const language = $('language').value;
    const params = new URLSearchParams({ lang: language });
    const headers = { Accept: 'application/json' };
    const token = $('token').value.trim();
    if (token) headers.Authorization = 'Bearer ' + token;
    let body;
    const text = $('request').value;
    if (state.fixture) {
      params.set('fixture', state.fixture.path);
      if (text !== state.fixtureText) body = text;
    } else {
      if (!text.trim()) {
        showError({ status: 0, code: 'no-request', diagnostics: 'Paste a CDS Hooks request or choose a fixture.' });
        return;
      }
      body = text;
    }
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    button.disabled = true;
    setStatus('Running\u2026');
    const started = performance.now();
    try {
      const response = await fetch('/preview/run/' + encodeURIComponent(service) + '?' + params, {
        method: 'POST',
        headers,
        body,
      });
      const result = await response.json().catch(() => null);
      const elapsed = Math.round(performance.now() - started);
      if (!response.ok) {
        showError(outcomeOf(response.status, result));
        setStatus('HTTP ' + response.status + ' in ' + elapsed + ' ms');
        return;
      }
      render(result, language);
      const count = (result.response.cards || []).length;
      setStatus(count + (count === 1 ? ' card' : ' cards') + ' in ' + elapsed + ' ms');
    } catch (error) {
      showError({ status: 0, code: 'network', diagnostics: String(error) });
      setStatus('');
    } finally {
      button.disabled = false;
      document.body.dataset.runs = String(Number(document.body.dataset.runs || 0) + 1);
    }
  }

  function outcomeOf(status, body) {
    const issue = body && body.resourceType === 'OperationOutcome' && body.issue && body.issue[0];
    if (!issue) return { status, code: 'http-' + status, diagnostics: 'The service answered HTTP ' + status + '.' };
    const coding = (issue.details && issue.details.coding && issue.details.coding[0]) || {};
    return {
      status,
      code: coding.code || issue.code,
      title: coding.display,
      diagnostics: issue.diagnostics,
      expression: (issue.expression || []).join(', '),
    };
  }

  function showError(outcome) {
    const box = $('error');
    clear(box);
    box.append(...[
      el('div', { class: 'error-title' },
        (outcome.status ? 'HTTP ' + outcome.status + ' \u00b7 ' : '') + (outcome.code || 'error') +
        (outcome.title ? ' \u2014 ' + outcome.title : '')),
      el('div', { class: 'error-diagnostics', text: outcome.diagnostics || '' }),
      outcome.expression ? el('div', { class: 'error-expression' }, 'at ', el('code', { text: outcome.expression })) : null,
    ].filter(Boolean));
    box.hidden = false;
    clear($('cards'));
    $('cards').append(el('p', { class: 'empty', text: 'No cards: the request was refused.' }));
    clear($('trace'));
    $('trace').append(el('p', { class: 'empty', text: 'No trace: the request was refused.' }));
    $('call-info').hidden = true;
  }

  // ---------------------------------------------------------------- rendering

  function render(result, language) {
    $('error').hidden = true;
    renderCallInfo(result.call || {});
    const cards = $('cards');
    clear(cards);
    const list = result.response.cards || [];
    if (list.length === 0) {
      cards.append(el('p', { class: 'empty', text: 'No cards for this request.' }));
    }
    list.forEach((card, index) => cards.append(renderCard(card, index, language)));
    renderTrace(result.trace || {}, result.response);
  }

  function renderCallInfo(call) {
    const box = $('call-info');
    clear(box);
    const item = (label, value, cls) =>
      value === undefined || value === null || value === ''
        ? null
        : el('span', { class: 'call-item ' + (cls || '') }, el('span', { class: 'call-label', text: label }), ' ',
          el('span', { class: 'call-value', text: String(value) }));
    [
      item('service', call.service),
      item('language', call.language),
      item('evaluation date', call.evaluationDate),
      item('region', call.region),
      item('fixture', call.fixture ? call.fixture + (call.edited ? ' (edited)' : '') : 'pasted request'),
      item('hookInstance', call.hookInstance, 'hook-instance'),
    ].filter(Boolean).forEach((node) => box.append(node));
    box.hidden = false;
  }

  function renderCard(card, index, language) {
    const indicator = INDICATOR_LABELS[card.indicator] ? card.indicator : 'info';
    const source = card.source || {};
    const ruleId = (source.topic && source.topic.code) || '';
    // The card's language is the one asked for when its text is written in it (a missing
    // translation falls back to English).
    const cardLanguage = language !== 'en' && CJK.test(card.summary || '') ? language : 'en';
    const article = el('article', {
      class: 'card card-' + indicator,
      id: 'card-' + index,
      'data-indicator': indicator,
      'data-rule-id': ruleId,
      'data-uuid': card.uuid,
      lang: cardLanguage,
    });
    article.append(
      el('header', { class: 'card-head' },
        el('span', { class: 'indicator-badge', text: INDICATOR_LABELS[indicator] }),
        el('h3', { class: 'card-summary', text: card.summary || '' }))
    );
    if (card.detail) {
      const detail = el('div', { class: 'card-detail markdown' });
      detail.innerHTML = renderMarkdown(card.detail);
      article.append(detail);
    }
    if (card.suggestions && card.suggestions.length) {
      article.append(renderSuggestions(card.suggestions, card.selectionBehavior));
    }
    if (card.links && card.links.length) {
      const links = el('ul', { class: 'card-links' });
      for (const link of card.links) {
        const url = httpUrl(link.url);
        links.append(el('li', {}, url
          ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank', text: link.label || url })
          : el('span', { text: (link.label || '') + ' (' + (link.type || 'link') + ')' })));
      }
      article.append(links);
    }
    if (card.overrideReasons && card.overrideReasons.length) {
      article.append(
        el('div', { class: 'override' },
          el('div', { class: 'section-label', text: 'Override reasons' }),
          el('ul', { class: 'override-reasons' },
            card.overrideReasons.map((reason) =>
              el('li', { class: 'override-reason', 'data-code': reason.code, title: reason.code || '' },
                reason.display || reason.code || ''))))
      );
    }
    const sourceUrl = httpUrl(source.url);
    article.append(
      el('footer', { class: 'card-source' },
        el('span', { class: 'section-label', text: 'Source' }), ' ',
        sourceUrl
          ? el('a', { class: 'source-label', href: sourceUrl, rel: 'noopener noreferrer', target: '_blank', text: source.label || sourceUrl })
          : el('span', { class: 'source-label', text: source.label || '' }),
        ruleId ? el('code', { class: 'rule-id', title: (source.topic && source.topic.display) || '', text: ruleId }) : null)
    );
    return article;
  }

  function renderSuggestions(suggestions, selectionBehavior) {
    const box = el('div', { class: 'suggestions', 'data-selection-behavior': selectionBehavior || '' });
    suggestions.forEach((suggestion, index) => {
      const actionsId = 'actions-' + Math.random().toString(36).slice(2);
      const button = el('button', {
        type: 'button',
        class: 'suggestion' + (suggestion.isRecommended ? ' recommended' : ''),
        'aria-expanded': 'false',
        'aria-controls': actionsId,
        'data-index': index,
        'data-uuid': suggestion.uuid,
        'data-recommended': suggestion.isRecommended ? 'true' : 'false',
      },
      el('span', { class: 'suggestion-label', text: suggestion.label || '' }),
      suggestion.isRecommended ? el('span', { class: 'recommended-tag', text: 'Recommended' }) : null,
      el('span', { class: 'chevron', 'aria-hidden': 'true', text: '\u25be' }));
      const actions = el('div', { class: 'suggestion-actions', id: actionsId, hidden: true },
        (suggestion.actions || []).map(renderAction));
      if (!(suggestion.actions || []).length) {
        actions.append(el('p', { class: 'empty', text: 'This suggestion carries no FHIR action.' }));
      }
      button.addEventListener('click', () => {
        const open = button.getAttribute('aria-expanded') !== 'true';
        button.setAttribute('aria-expanded', String(open));
        actions.hidden = !open;
      });
      box.append(el('div', { class: 'suggestion-item' }, button, actions));
    });
    return box;
  }

  function renderAction(action) {
    const type = String(action.type || '');
    const resourceIds = Array.isArray(action.resourceId) ? action.resourceId : action.resourceId ? [action.resourceId] : [];
    const resourceType = action.resource && action.resource.resourceType;
    return el('div', {
      class: 'action action-' + type.replace(/[^a-z]/gi, ''),
      'data-action-type': type,
      'data-resource-id': resourceIds.join(' ') || null,
      'data-resource-type': resourceType || null,
    },
    el('div', { class: 'action-head' },
      el('span', { class: 'action-type', text: type }),
      el('span', { class: 'action-description', text: action.description || '' })),
    resourceIds.length
      ? el('div', { class: 'action-resource-id' }, 'resourceId ', resourceIds.map((id) => el('code', { text: id })))
      : null,
    action.resource
      ? el('pre', { class: 'action-resource', text: JSON.stringify(action.resource, null, 2) })
      : null);
  }

  function renderTrace(trace, response) {
    const box = $('trace');
    clear(box);
    const titles = new Map();
    for (const card of response.cards || []) {
      const topic = card.source && card.source.topic;
      if (topic) titles.set(topic.code, topic.display);
    }
    const fired = trace.rules_fired || [];
    box.append(el('h3', { text: 'Rules fired (' + fired.length + ')' }));
    box.append(fired.length
      ? el('ul', { class: 'rules-fired' }, fired.map((rule, index) =>
        el('li', { class: 'rule-fired', 'data-rule-id': rule },
          el('a', { href: '#card-' + index }, el('code', { text: rule })),
          titles.get(rule) ? ' \u2014 ' + titles.get(rule) : '')))
      : el('p', { class: 'empty', text: 'No rule fired.' }));

    const facts = trace.facts || [];
    box.append(el('h3', { text: 'Facts (' + facts.length + ')' }));
    box.append(el('table', { class: 'facts' },
      el('thead', {}, el('tr', {}, el('th', { text: 'Fact' }), el('th', { text: 'FHIR references' }))),
      el('tbody', {}, facts.map((fact) =>
        el('tr', { class: 'fact' },
          el('td', { class: 'fact-text', text: fact.fact }),
          el('td', { class: 'fact-references' },
            (fact.references || []).map((ref) => el('code', { class: 'reference', text: ref }))))))));

    const issues = trace.data_issues || [];
    box.append(el('h3', { text: 'Data issues (' + issues.length + ')' }));
    box.append(issues.length
      ? el('table', { class: 'data-issues' },
        el('thead', {}, el('tr', {}, ['Resource', 'Element', 'Issue', 'Detail'].map((h) => el('th', { text: h })))),
        el('tbody', {}, issues.map((issue) =>
          el('tr', { class: 'data-issue', 'data-issue': issue.issue },
            el('td', {}, el('code', { text: issue.resource || '' })),
            el('td', {}, el('code', { text: issue.element || '' })),
            el('td', { text: issue.issue || '' }),
            el('td', { text: issue.detail || '' })))))
      : el('p', { class: 'empty', text: 'None: every resource was understood.' }));
  }

  // ---------------------------------------------------------------- start

  async function start() {
    $('fixture').addEventListener('change', (event) => {
      chooseFixture(event.target.value).catch((error) => {
        showError({ status: 0, code: 'fixture', diagnostics: String(error) });
        setStatus('');
      });
    });
    $('request').addEventListener('input', describeRequestState);
    $('run').addEventListener('click', run);
    describeRequestState();
    try {
      await Promise.all([loadServices(), loadFixtures()]);
      document.body.dataset.ready = 'true';
    } catch (error) {
      showError({ status: 0, code: 'start', diagnostics: String(error) });
    }
  }

  window.VenousPreview = { escapeHtml, renderMarkdown };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
