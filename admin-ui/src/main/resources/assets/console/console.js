/*
 * Readstate operator console: keeps the page live without reloading it.
 * Every few seconds it reads /console/data and puts the figures (already written for
 * people by the server) into the elements that name them with data-field; it redraws the
 * charts, the health cards and the event rates; it posts the action forms with fetch()
 * and shows their result; and it runs lookups in place. Text only ever goes in through
 * textContent, never as HTML built here.
 */
(function () {
  'use strict';

  var body = document.body;
  var base = body.getAttribute('data-base') || '';
  var refreshMillis = 1000 * (parseInt(body.getAttribute('data-refresh-seconds'), 10) || 5);
  var charts = {};
  var timer = null;
  var inFlight = false;

  var CHARTS = [
    { id: 'lag-chart', series: 'lagSeconds', label: 'Sync lag', color: '#5aa2ff', unit: ' s', minTop: 1 },
    { id: 'backlog-chart', series: 'backlog', label: 'Dirty backlog', color: '#b08cff', unit: '', minTop: 10 }
  ];

  var compact = (typeof Intl !== 'undefined' && Intl.NumberFormat)
    ? new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 })
    : { format: function (v) { return String(v); } };

  // ---- live figures -------------------------------------------------------------

  function applyFigures(figures) {
    document.querySelectorAll('[data-field]').forEach(function (el) {
      var name = el.getAttribute('data-field');
      if (Object.prototype.hasOwnProperty.call(figures, name)) {
        el.textContent = figures[name];
      }
    });
    document.querySelectorAll('[data-title-field]').forEach(function (el) {
      var name = el.getAttribute('data-title-field');
      if (Object.prototype.hasOwnProperty.call(figures, name)) {
        el.title = figures[name];
      }
    });
  }

  function applyTones(tones) {
    document.querySelectorAll('[data-tone-of]').forEach(function (el) {
      var tone = tones[el.getAttribute('data-tone-of')];
      el.setAttribute('data-tone', tone || 'neutral');
    });
    var overall = tones.overall;
    document.title = (overall === 'bad' ? '\u2716 ' : '') + 'Readstate console';
  }

  function applyProblem(problem) {
    var banner = document.getElementById('problem');
    document.getElementById('problem-message').textContent = problem || '';
    banner.hidden = !problem;
  }

  function fromTemplate(id) {
    return document.getElementById(id).content.firstElementChild.cloneNode(true);
  }

  function applyHealth(health) {
    var list = document.getElementById('health');
    var cards = health.map(function (check) {
      var card = fromTemplate('health-template');
      card.setAttribute('data-check', check.name);
      card.setAttribute('data-tone', check.tone);
      card.querySelector('.health-name').textContent = check.label;
      card.querySelector('.health-state').textContent = check.state;
      card.querySelector('.health-message').textContent = check.message;
      return card;
    });
    if (cards.length === 0) {
      var empty = document.createElement('p');
      empty.className = 'empty';
      empty.textContent = 'No health checks reported.';
      cards.push(empty);
    }
    list.replaceChildren.apply(list, cards);
  }

  function applyEvents(events) {
    var list = document.getElementById('events');
    var rows = events.map(function (rate) {
      var row = fromTemplate('event-template');
      row.setAttribute('data-type', rate.type);
      row.querySelector('.event-type').textContent = rate.type;
      row.querySelector('.event-rate').textContent = rate.text;
      row.querySelector('.bar-fill').setAttribute('data-share', String(rate.share));
      return row;
    });
    list.replaceChildren.apply(list, rows);
    document.getElementById('events-empty').hidden = rows.length > 0;
    sizeBars();
  }

  function sizeBars() {
    document.querySelectorAll('.bar-fill[data-share]').forEach(function (fill) {
      var share = Math.max(0, Math.min(100, Number(fill.getAttribute('data-share')) || 0));
      fill.style.width = share + '%';
    });
  }

  // ---- charts -------------------------------------------------------------------

  function clockOf(epochSeconds) {
    var d = new Date(epochSeconds * 1000);
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    return pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
  }

  function chartOptions(spec, width, windowSeconds) {
    var axis = {
      stroke: '#8b97a7',
      font: '11px system-ui, sans-serif',
      grid: { stroke: '#222a35', width: 1 },
      ticks: { stroke: '#222a35', width: 1 }
    };
    return {
      width: width,
      height: 160,
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { size: 6 } },
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'); },
      scales: {
        x: {
          time: true,
          range: function (u, min, max) {
            var end = (max == null || isNaN(max)) ? Date.now() / 1000 : max;
            return [end - windowSeconds, end];
          }
        },
        y: {
          range: function (u, min, max) {
            var top = (max == null || isNaN(max)) ? 0 : max;
            return [0, Math.max(top * 1.15, spec.minTop)];
          }
        }
      },
      axes: [
        Object.assign({}, axis, {
          space: 70,
          values: function (u, ticks) { return ticks.map(clockOf); }
        }),
        Object.assign({}, axis, {
          size: 58,
          values: function (u, ticks) {
            return ticks.map(function (v) { return compact.format(v) + spec.unit; });
          }
        })
      ],
      series: [
        {},
        {
          label: spec.label,
          stroke: spec.color,
          width: 2,
          fill: spec.color + '22',
          points: { show: false }
        }
      ]
    };
  }

  function drawCharts(history) {
    if (typeof uPlot === 'undefined') {
      return;
    }
    CHARTS.forEach(function (spec) {
      var el = document.getElementById(spec.id);
      if (!el) {
        return;
      }
      var data = [history.t || [], history[spec.series] || []];
      var caption = el.parentElement.querySelector('.chart-caption');
      if (caption) {
        caption.textContent = data[0].length < 2
          ? 'collecting: the chart fills in over the next minutes'
          : 'last ' + Math.round(history.windowSeconds / 60) + ' minutes (UTC)';
      }
      if (!charts[spec.id]) {
        el.replaceChildren();
        charts[spec.id] = new uPlot(chartOptions(spec, el.clientWidth || 400, history.windowSeconds || 900), data, el);
      } else {
        charts[spec.id].setData(data);
      }
    });
  }

  function resizeCharts() {
    CHARTS.forEach(function (spec) {
      var chart = charts[spec.id];
      var el = document.getElementById(spec.id);
      if (chart && el) {
        chart.setSize({ width: el.clientWidth, height: 160 });
      }
    });
  }

  // ---- refresh loop -------------------------------------------------------------

  function showDataError(message) {
    body.classList.add('stale');
    document.getElementById('data-error-message').textContent = message;
    document.getElementById('data-error').hidden = false;
  }

  function clearDataError() {
    body.classList.remove('stale');
    document.getElementById('data-error').hidden = true;
  }

  function refresh() {
    if (inFlight) {
      return;
    }
    inFlight = true;
    fetch(base + '/data', { headers: { 'Accept': 'application/json' }, cache: 'no-store', credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('/console/data answered HTTP ' + response.status + '.');
        }
        return response.json();
      })
      .then(function (data) {
        applyFigures(data.figures);
        applyTones(data.tones);
        applyProblem(data.problem);
        applyHealth(data.health);
        applyEvents(data.events);
        drawCharts(data.history);
        clearDataError();
      })
      .catch(function (error) {
        var text = error instanceof TypeError
          ? 'The console could not reach the service (' + error.message + ').'
          : error.message;
        showDataError(text);
      })
      .finally(function () {
        inFlight = false;
        schedule();
      });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(refresh, refreshMillis);
  }

  // ---- actions and lookups --------------------------------------------------------

  function showResult(id, ok, text) {
    var el = document.getElementById(id);
    el.textContent = text;
    el.setAttribute('data-tone', ok === null ? 'pending' : (ok ? 'ok' : 'bad'));
    el.hidden = false;
  }

  function onAction(event) {
    var form = event.currentTarget;
    var button = form.querySelector('button');
    var resultId = form.getAttribute('data-result');
    event.preventDefault();
    button.disabled = true;
    showResult(resultId, null, 'Working\u2026');
    fetch(form.action, {
      method: 'POST',
      headers: { 'Accept': 'application/json' },
      body: new URLSearchParams(new FormData(form)),
      credentials: 'same-origin'
    })
      .then(function (response) {
        var type = response.headers.get('Content-Type') || '';
        if (type.indexOf('application/json') === 0) {
          return response.json();
        }
        return response.text().then(function (text) {
          return { ok: false, summary: 'HTTP ' + response.status + ': ' + text.trim() };
        });
      })
      .then(function (result) {
        showResult(resultId, result.ok, result.summary);
      })
      .catch(function (error) {
        showResult(resultId, false, 'The request did not reach the service: ' + error.message);
      })
      .finally(function () {
        button.disabled = false;
        refresh();
      });
  }

  function onLookup(event) {
    var form = event.currentTarget;
    var params = new URLSearchParams(new FormData(form));
    if (!params.get('user')) {
      params.delete('user');
    }
    event.preventDefault();
    fetch(base + '/lookup?' + params.toString(), { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
      .then(function (response) {
        return response.text().then(function (html) {
          var parsed = new DOMParser().parseFromString(html, 'text/html');
          var fresh = parsed.getElementById('lookup-result');
          if (!fresh) {
            throw new Error('HTTP ' + response.status);
          }
          document.getElementById('lookup-result').replaceWith(document.importNode(fresh, true));
          history.replaceState(null, '', base + '?' + params.toString());
        });
      })
      .catch(function (error) {
        var slot = document.getElementById('lookup-result');
        var p = document.createElement('p');
        p.className = 'result';
        p.setAttribute('data-tone', 'bad');
        p.textContent = 'The lookup did not reach the service: ' + error.message;
        slot.replaceChildren(p);
      });
  }

  // ---- start --------------------------------------------------------------------

  document.querySelectorAll('form[data-action]').forEach(function (form) {
    form.addEventListener('submit', onAction);
  });
  var lookupForm = document.getElementById('lookup-form');
  if (lookupForm) {
    lookupForm.addEventListener('submit', onLookup);
  }
  window.addEventListener('resize', resizeCharts);
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) {
      refresh();
    }
  });
  sizeBars();
  refresh();
}());
