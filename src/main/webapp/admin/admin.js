'use strict';
// The admin console: signs in with the API's own tokens (kept in this page's memory only) and drives the admin
// REST API. Every value from the server is put into the page as text, never as HTML.
(() => {
    const REFRESH_MS = 2000;
    const HISTORY = 60;
    const COLOURS = ['#2563eb', '#f97316', '#16a34a', '#9333ea'];
    const state = { access: null, refresh: null, timer: null, poolHistory: [], ratioHistory: {},
                    userCursor: null, expiringCursor: null, cachesRendered: false, poolFormFilled: false,
                    webhook: null, delivery: null, attemptsShown: null, deliveriesTimer: null, mailCursor: null };
    const $ = id => document.getElementById(id);

    // ---- HTTP ----
    class ApiError extends Error {
        constructor(status, problem) {
            super(describe(status, problem));
            this.status = status;
        }
    }

    function describe(status, problem) {
        if (problem && problem.errors) {
            return Object.entries(problem.errors).map(([field, what]) => field + ': ' + what).join('; ');
        }
        return (problem && (problem.detail || problem.title)) || 'The server answered ' + status;
    }

    async function call(method, path, body, token = state.access) {
        const headers = { Accept: 'application/json' };
        if (token) headers.Authorization = 'Bearer ' + token;
        if (body !== undefined) headers['Content-Type'] = 'application/json';
        const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
        const text = await response.text();
        const json = text ? JSON.parse(text) : null;
        if (!response.ok) throw new ApiError(response.status, json);
        return json;
    }

    /** A call with the access token; an expired one is refreshed once, then the admin signs in again. */
    async function api(method, path, body) {
        try {
            return await call(method, path, body);
        } catch (e) {
            if (e.status !== 401 || !state.refresh) throw e;
            try {
                remember(await call('POST', '/api/v1/auth/refresh', undefined, state.refresh));
            } catch (refreshFailed) {
                signedOut('Your session ended. Sign in again.');
                throw e;
            }
            return call(method, path, body);
        }
    }

    // ---- DOM helpers ----
    function el(tag, attributes = {}, ...children) {
        const element = document.createElement(tag);
        Object.entries(attributes).forEach(([name, value]) => {
            if (name === 'class') element.className = value;
            else if (name.startsWith('on')) element.addEventListener(name.substring(2), value);
            else element.setAttribute(name, value);
        });
        children.flat().forEach(child => element.append(child instanceof Node ? child : String(child ?? '')));
        return element;
    }

    function say(element, text, ok) {
        element.textContent = text;
        element.className = 'message ' + (ok ? 'ok' : 'error');
    }

    const number = value => value === null || value === undefined ? '–' : Number(value).toLocaleString('en');
    const date = value => value ? value.replace('T', ' ').replace('Z', ' UTC') : '–';

    // ---- Session ----
    function claims(token) {
        const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
        return JSON.parse(atob(payload));
    }

    function remember(tokens) {
        state.access = tokens.access_token;
        state.refresh = tokens.refresh_token;
    }

    $('sign-in-form').addEventListener('submit', async event => {
        event.preventDefault();
        say($('sign-in-message'), 'Signing in…', true);
        try {
            remember(await call('POST', '/api/v1/auth/login',
                { username: $('username').value, password: $('password').value }, null));
            $('password').value = '';
            const who = claims(state.access);
            $('signed-in-as').textContent = 'Signed in as ' + (who.upn || who.sub);
            $('session').hidden = false;
            $('sign-in').hidden = true;
            say($('sign-in-message'), '', true);
            if ((who.groups || []).includes('admin')) {
                openConsole();
            } else {
                $('refused-message').textContent = (who.upn || 'This account') + ' is not an admin: this console is '
                    + 'for admins only.';
                $('refused').hidden = false;
            }
        } catch (e) {
            say($('sign-in-message'), e.message, false);
        }
    });

    async function signOut() {
        try {
            if (state.access) await call('POST', '/api/v1/auth/logout');
        } catch (ignored) {
            // the token is forgotten either way
        }
        signedOut('Signed out.');
    }

    function signedOut(message) {
        clearInterval(state.timer);
        clearTimeout(state.deliveriesTimer);
        hideSecret();
        state.access = state.refresh = null;
        ['console', 'refused', 'session'].forEach(id => $(id).hidden = true);
        $('sign-in').hidden = false;
        say($('sign-in-message'), message, true);
    }

    $('logout').addEventListener('click', signOut);
    $('refused-logout').addEventListener('click', signOut);

    // ---- Tabs ----
    const loaders = { overview: refreshOverview, users: loadPlanOptions, subscriptions: loadSubscriptions,
                      slow: loadSlowQueries, plans: () => {}, webhooks: loadWebhooks, mail: loadMail };
    document.querySelectorAll('nav button').forEach(button => button.addEventListener('click', () => {
        document.querySelectorAll('nav button').forEach(b => b.classList.toggle('active', b === button));
        document.querySelectorAll('.tab').forEach(tab => tab.hidden = tab.id !== 'tab-' + button.dataset.tab);
        loaders[button.dataset.tab]();
    }));

    function openConsole() {
        $('console').hidden = false;
        refreshOverview();
        state.timer = setInterval(() => { if (!$('tab-overview').hidden) refreshOverview(); }, REFRESH_MS);
    }

    // ---- Pool and caches ----
    async function refreshOverview() {
        try {
            const [pool, caches, instances] = await Promise.all([api('GET', '/api/admin/pool').catch(e => e),
                api('GET', '/api/admin/caches'), api('GET', '/api/admin/instances')]);
            if (pool instanceof Error) say($('pool-message'), pool.message, false); else showPool(pool);
            showCaches(caches);
            showInstances(instances);
        } catch (e) {
            say($('cache-message'), e.message, false);
        }
    }

    function showInstances(list) {
        state.instanceCount = list.instances.length;
        $('instances-mode').textContent = list.clustered
            ? `${list.instances.length} in the cluster` : 'this instance alone (no cluster)';
        const sum = (caches, field) => caches.reduce((total, cache) => total + cache[field], 0);
        $('instances').tBodies[0].replaceChildren(...list.instances.map(instance => el('tr',
            { 'data-instance': instance.id, class: instance.local ? 'local' : '' },
            el('td', {}, el('strong', {}, instance.name ?? instance.id), instance.local ? ' (this one)' : ''),
            el('td', {}, instance.address), el('td', {}, instance.version ?? '–'), el('td', {}, date(instance.started_at)),
            el('td', { class: 'n' }, number(instance.pool?.in_use)),
            el('td', { class: 'n' }, number(instance.pool?.max_pool_size)),
            el('td', { class: 'n' }, number(sum(instance.caches, 'entries'))),
            el('td', { class: 'n' }, number(sum(instance.caches, 'hits'))),
            el('td', {}, instance.reported_at ? date(instance.reported_at) : 'not yet'))));
    }

    const everywhere = () => state.instanceCount > 1 ? ` on every instance (${state.instanceCount})` : '';

    function showPool(pool) {
        const figures = { 'pool-in-use': pool.in_use, 'pool-free': pool.free, 'pool-waiting': pool.waiting,
            'pool-max-used': pool.max_used, 'pool-average-wait': pool.average_wait_millis,
            'pool-created': pool.created, 'pool-destroyed': pool.destroyed, 'pool-max-size': pool.max_pool_size };
        Object.entries(figures).forEach(([id, value]) => $(id).textContent = number(value));
        $('pool-updated').textContent = 'updated ' + new Date().toLocaleTimeString();
        if (!state.poolFormFilled) {
            $('pool-steady-input').value = pool.steady_pool_size;
            $('pool-max-input').value = pool.max_pool_size;
            $('pool-wait-input').value = pool.max_wait_millis;
            state.poolFormFilled = true;
        }
        push(state.poolHistory, pool.in_use);
        drawLines($('pool-chart'), [{ values: state.poolHistory, colour: COLOURS[0] }], pool.max_pool_size);
    }

    function showCaches(caches) {
        const body = $('caches').tBodies[0];
        if (!state.cachesRendered) {
            body.replaceChildren(...caches.map(cacheRow));
            state.cachesRendered = true;
        }
        caches.forEach((cache, i) => {
            const row = body.querySelector(`tr[data-cache="${cache.name}"]`);
            const cells = { entries: number(cache.entries), hits: number(cache.hits), misses: number(cache.misses),
                ratio: (cache.hit_ratio * 100).toFixed(1) + ' %', evictions: number(cache.evictions),
                puts: number(cache.puts), get: Number(cache.average_get_micros).toFixed(1),
                ttl: cache.ttl_seconds, max: number(cache.max_entries) };
            Object.entries(cells).forEach(([name, value]) => row.querySelector('.' + name).textContent = value);
            push(state.ratioHistory[cache.name] = state.ratioHistory[cache.name] || [], cache.hit_ratio * 100);
        });
        drawLines($('cache-chart'), caches.map((cache, i) => ({ values: state.ratioHistory[cache.name],
            colour: COLOURS[i % COLOURS.length] })), 100);
        $('cache-legend').replaceChildren(...caches.map((cache, i) => el('span', {},
            el('i', { style: 'background:' + COLOURS[i % COLOURS.length] }), cache.name)));
    }

    function cacheRow(cache) {
        const ttl = el('input', { type: 'number', min: 1, max: 86400, value: cache.ttl_seconds, 'aria-label': 'TTL of ' + cache.name });
        const max = el('input', { type: 'number', min: 1, max: 1000000, value: cache.max_entries, 'aria-label': 'Max entries of ' + cache.name });
        const cell = name => el('td', { class: 'n ' + name });
        return el('tr', { 'data-cache': cache.name },
            el('td', {}, el('strong', {}, cache.name)), cell('entries'), cell('hits'), cell('misses'), cell('ratio'),
            cell('evictions'), cell('puts'), cell('get'),
            el('td', {}, ttl, el('div', { class: 'hint ttl' })), el('td', {}, max, el('div', { class: 'hint max' })),
            el('td', {},
                el('button', { type: 'button', class: 'small', onclick: () => tuneCache(cache.name, ttl, max) }, 'Apply'),
                ' ',
                el('button', { type: 'button', class: 'small secondary', onclick: () => clearCache(cache.name) }, 'Clear')));
    }

    async function tuneCache(name, ttl, max) {
        try {
            const cache = await api('PUT', '/api/admin/caches/' + encodeURIComponent(name),
                { ttl_seconds: Number(ttl.value), max_entries: Number(max.value) });
            say($('cache-message'), `${name}: time to live ${cache.ttl_seconds} s for new entries, at most `
                + `${number(cache.max_entries)} entries — applied${everywhere()}.`, true);
            await refreshOverview();
        } catch (e) {
            say($('cache-message'), name + ': ' + e.message, false);
        }
    }

    async function clearCache(name) {
        try {
            await api('DELETE', '/api/admin/caches/' + encodeURIComponent(name));
            say($('cache-message'), name + ' cleared' + everywhere() + '.', true);
            await refreshOverview();
        } catch (e) {
            say($('cache-message'), e.message, false);
        }
    }

    $('clear-all').addEventListener('click', async () => {
        try {
            await api('DELETE', '/api/admin/caches');
            say($('cache-message'), 'Every cache cleared' + everywhere() + '.', true);
            await refreshOverview();
        } catch (e) {
            say($('cache-message'), e.message, false);
        }
    });

    $('pool-form').addEventListener('submit', async event => {
        event.preventDefault();
        const settings = {};
        [['steady_pool_size', 'pool-steady-input'], ['max_pool_size', 'pool-max-input'],
         ['max_wait_millis', 'pool-wait-input']].forEach(([field, id]) => {
            if ($(id).value !== '') settings[field] = Number($(id).value);
        });
        try {
            const pool = await api('PUT', '/api/admin/pool', settings);
            say($('pool-message'), `Applied: steady ${pool.steady_pool_size}, max ${pool.max_pool_size}, `
                + `wait ${number(pool.max_wait_millis)} ms.`, true);
            showPool(pool);
        } catch (e) {
            say($('pool-message'), e.message, false);
        }
    });

    function push(history, value) {
        history.push(value);
        if (history.length > HISTORY) history.shift();
    }

    /** Lines over the last {@link HISTORY} refreshes, from 0 to {@code top}. */
    function drawLines(canvas, series, top) {
        const g = canvas.getContext('2d');
        const w = canvas.width, h = canvas.height, pad = 4;
        g.clearRect(0, 0, w, h);
        g.strokeStyle = '#d9e2ec';
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
        const ceiling = Math.max(top || 1, ...series.flatMap(s => s.values), 1);
        series.forEach(({ values, colour }) => {
            g.strokeStyle = colour;
            g.lineWidth = 2;
            g.beginPath();
            values.forEach((value, i) => {
                const x = pad + (w - 2 * pad) * (values.length === 1 ? 1 : i / (HISTORY - 1));
                const y = h - pad - (h - 2 * pad) * value / ceiling;
                i === 0 ? g.moveTo(x, y) : g.lineTo(x, y);
            });
            g.stroke();
        });
    }

    // ---- Users ----
    async function loadPlanOptions() {
        if ($('user-plan').options.length > 1) return;
        try {
            const plans = await api('GET', '/api/v3/plans?public_only=false&per_page=100');
            plans.plans.forEach(plan => $('user-plan').append(el('option', { value: plan.id },
                `${plan.name} (${plan.interval})`)));
        } catch (e) {
            say($('users-message'), e.message, false);
        }
    }

    async function searchUsers(more) {
        const query = new URLSearchParams({ per_page: 25, cursor: more ? state.userCursor : '' });
        if ($('user-query').value.trim()) query.set('q', $('user-query').value.trim());
        if ($('user-status').value) query.set('status', $('user-status').value);
        if ($('user-plan').value) query.set('plan_id', $('user-plan').value);
        try {
            const page = await api('GET', '/api/admin/users?' + query);
            const rows = page.users.map(user => el('tr', {},
                el('td', { class: 'n' }, user.id), el('td', {}, user.username), el('td', {}, user.email),
                el('td', {}, user.is_admin ? 'yes' : ''), el('td', {}, date(user.created_at)),
                el('td', {}, user.subscription ? `${user.subscription.plan_name} · ${user.subscription.status}` : '—'),
                el('td', {}, user.subscription ? date(user.subscription.current_period_end) : '')));
            const body = $('users').tBodies[0];
            more ? body.append(...rows) : body.replaceChildren(...rows);
            state.userCursor = page.next_cursor;
            $('users-more').hidden = !page.has_more;
            say($('users-message'), body.rows.length ? `${body.rows.length} shown${page.has_more ? ', more below' : ''}.`
                : 'No user matches.', true);
        } catch (e) {
            say($('users-message'), e.message, false);
        }
    }

    $('user-search').addEventListener('submit', event => { event.preventDefault(); searchUsers(false); });
    $('users-more').addEventListener('click', () => searchUsers(true));

    // ---- Subscriptions ----
    async function loadSubscriptions() {
        try {
            const stats = await api('GET', '/api/v3/subscriptions/stats');
            $('stat-active').textContent = number(stats.active_count);
            $('stat-trial').textContent = number(stats.trial_count);
            $('stat-expiring').textContent = number(stats.expiring_soon_count);
            $('stat-new').textContent = number(stats.new_count);
            $('stat-canceled').textContent = number(stats.recently_canceled_count);
        } catch (e) {
            $('stat-active').textContent = e.message;
        }
        loadExpiring(false);
    }

    async function loadExpiring(more) {
        const query = new URLSearchParams({ days: $('expiring-days').value || 7, per_page: 25,
                                            cursor: more ? state.expiringCursor : '' });
        const page = await api('GET', '/api/v3/subscriptions/expiring?' + query);
        const rows = page.subscriptions.map(s => el('tr', {},
            el('td', { class: 'n' }, s.id), el('td', {}, s.user.username), el('td', {}, s.user.email),
            el('td', {}, s.plan.name), el('td', {}, s.status), el('td', {}, date(s.current_period_end)),
            el('td', {}, s.cancel_at_period_end ? 'cancel scheduled' : 'no auto-renew')));
        const body = $('expiring').tBodies[0];
        more ? body.append(...rows) : body.replaceChildren(...rows);
        state.expiringCursor = page.next_cursor;
        $('expiring-more').hidden = !page.has_more;
    }

    $('expiring-days').addEventListener('change', () => loadExpiring(false));
    $('expiring-more').addEventListener('click', () => loadExpiring(true));

    // ---- Slow queries ----
    async function loadSlowQueries() {
        try {
            showSlowQueries(await api('GET', '/api/admin/slow-queries'));
        } catch (e) {
            say($('slow-message'), e.message, false);
        }
    }

    function showSlowQueries(list) {
        $('slow-threshold').value = list.threshold_ms;
        $('slow').tBodies[0].replaceChildren(...list.queries.map(q => el('tr', {},
            el('td', {}, date(q.at)), el('td', { class: 'n' }, Number(q.ms).toFixed(1)), el('td', { class: 'n' }, q.rows),
            el('td', {}, q.route), el('td', {}, el('code', {}, q.request_id || '')), el('td', {}, el('code', {}, q.sql)))));
    }

    $('slow-form').addEventListener('submit', async event => {
        event.preventDefault();
        try {
            showSlowQueries(await api('PUT', '/api/admin/slow-queries', { threshold_ms: Number($('slow-threshold').value) }));
            say($('slow-message'), 'Threshold applied.', true);
        } catch (e) {
            say($('slow-message'), e.message, false);
        }
    });
    $('slow-refresh').addEventListener('click', loadSlowQueries);

    // ---- Query plans ----
    $('plans-run').addEventListener('click', async () => {
        $('plans').replaceChildren(el('p', { class: 'hint' }, 'Running…'));
        try {
            const reads = await api('GET', '/api/admin/query-plans');
            $('plans').replaceChildren(...reads.map(read => el('div', { class: 'plan-read' },
                el('h3', {}, `${read.version} · ${read.name} — ${read.statements.length} statement(s)`),
                ...read.statements.map(statement => [el('pre', {}, statement.sql), planTable(statement.plan)]))));
        } catch (e) {
            $('plans').replaceChildren(el('p', { class: 'message error' }, e.message));
        }
    });

    function planTable(plan) {
        const columns = ['id', 'select_type', 'table', 'type', 'key', 'rows', 'Extra'];
        return el('table', {}, el('thead', {}, el('tr', {}, columns.map(c => el('th', {}, c)))),
            el('tbody', {}, plan.map(step => el('tr', {}, columns.map(c => el('td',
                { class: c === 'type' && step[c] === 'ALL' ? 'full-scan' : '' }, step[c] ?? ''))))));
    }
    // ---- Webhooks ----
    function loadWebhooks() {
        loadOutbox();
        loadEventTypes();
        loadEndpoints();
        loadDeliveries();
    }

    async function loadOutbox() {
        try {
            const outbox = await api('GET', '/api/admin/outbox');
            $('outbox-due').textContent = number(outbox.due);
            $('outbox-pending').textContent = number(outbox.pending);
            $('outbox-failed').textContent = number(outbox.failed);
            $('outbox-lag').textContent = Number(outbox.lag_seconds).toFixed(1);
            $('outbox-updated').textContent = 'updated ' + new Date().toLocaleTimeString();
            say($('outbox-message'), '', true);
        } catch (e) {
            say($('outbox-message'), e.message, false);
        }
    }

    $('outbox-refresh').addEventListener('click', loadOutbox);

    async function loadEventTypes() {
        if ($('webhook-type-list').children.length) return;
        try {
            const types = await api('GET', '/api/admin/webhooks/event-types');
            $('webhook-type-list').replaceChildren(...types.map(type => el('label', { class: 'check' },
                el('input', { type: 'checkbox', value: type }), type)));
            syncTypeBoxes();
        } catch (e) {
            say($('webhook-message'), e.message, false);
        }
    }

    /** "All events" makes the single types moot: they are greyed out while it is ticked. */
    function syncTypeBoxes() {
        $('webhook-type-list').querySelectorAll('input').forEach(box => box.disabled = $('webhook-all-types').checked);
    }

    $('webhook-all-types').addEventListener('change', syncTypeBoxes);

    function chosenEventTypes() {
        if ($('webhook-all-types').checked) return ['*'];
        return [...$('webhook-type-list').querySelectorAll('input:checked')].map(box => box.value);
    }

    $('webhook-form').addEventListener('submit', async event => {
        event.preventDefault();
        const types = chosenEventTypes();
        if (!types.length) {
            say($('webhook-message'), 'Choose at least one event type, or all events.', false);
            return;
        }
        try {
            const created = await api('POST', '/api/admin/webhooks', { url: $('webhook-url').value.trim(),
                description: $('webhook-description').value.trim() || undefined, event_types: types });
            say($('webhook-message'), `Endpoint ${created.id} registered.`, true);
            showSecret(created);
            $('webhook-form').reset();
            syncTypeBoxes();
            await loadEndpoints();
        } catch (e) {
            say($('webhook-message'), e.message, false);
        }
    });

    /** The secret comes only in this one answer (creation or rotation): shown until dismissed or signed out. */
    function showSecret(endpoint) {
        $('webhook-secret').replaceChildren(
            el('p', {}, `Signing secret of endpoint ${endpoint.id} (${endpoint.url}):`),
            el('code', {}, endpoint.secret),
            el('p', {}, el('strong', {}, 'Copy it now, it is not shown again.'), ' ',
                el('button', { type: 'button', class: 'small secondary', onclick: hideSecret }, 'Done')));
        $('webhook-secret').hidden = false;
    }

    function hideSecret() {
        $('webhook-secret').replaceChildren();
        $('webhook-secret').hidden = true;
    }

    async function loadEndpoints() {
        try {
            const list = await api('GET', '/api/admin/webhooks');
            $('webhooks').tBodies[0].replaceChildren(...(list.endpoints.length ? list.endpoints.map(endpointRow)
                : [el('tr', {}, el('td', { colspan: 6, class: 'hint' }, 'No endpoint yet: register one above.'))]));
            if (state.webhook !== null && !list.endpoints.some(endpoint => endpoint.id === state.webhook)) {
                clearDeliveries();
            }
        } catch (e) {
            say($('webhook-message'), e.message, false);
        }
    }

    function endpointRow(endpoint) {
        const action = (label, work, primary) => el('button', { type: 'button',
            class: primary ? 'small' : 'small secondary', onclick: () => endpointAction(endpoint, work) }, label);
        const rotated = endpoint.previous_secret_expires_at
            && new Date(endpoint.previous_secret_expires_at) > new Date();
        return el('tr', { 'data-webhook': endpoint.id, class: endpoint.id === state.webhook ? 'selected' : '' },
            el('td', { class: 'n' }, endpoint.id),
            el('td', {}, el('code', {}, endpoint.url),
                rotated ? el('div', { class: 'hint' }, 'previous secret signs too until '
                    + date(endpoint.previous_secret_expires_at)) : ''),
            el('td', {}, endpoint.description ?? ''),
            el('td', {}, endpoint.event_types.map(type => type === '*' ? 'all (*)' : type).join(', ')),
            el('td', {}, enabledCell(endpoint)),
            el('td', { class: 'actions' }, action('Test', sendTest, true), ' ',
                action(endpoint.enabled ? 'Disable' : 'Enable', toggleEndpoint), ' ',
                action('Rotate secret', rotateSecret), ' ', action('Deliveries', selectEndpoint), ' ',
                action('Delete', deleteEndpoint)));
    }

    function enabledCell(endpoint) {
        if (!endpoint.enabled) {
            return [el('span', { class: 'bad' }, 'no'),
                endpoint.disabled_reason ? el('div', { class: 'hint' }, endpoint.disabled_reason) : ''];
        }
        return ['yes', endpoint.failing_since
            ? el('div', { class: 'hint bad' }, 'failing since ' + date(endpoint.failing_since)) : ''];
    }

    async function endpointAction(endpoint, work) {
        try {
            await work(endpoint);
        } catch (e) {
            say($('webhook-message'), `Endpoint ${endpoint.id}: ${e.message}`, false);
        }
    }

    async function sendTest(endpoint) {
        const answer = await api('POST', `/api/admin/webhooks/${endpoint.id}/test`);
        say($('webhook-message'), `Test event ${answer.message_id} queued for endpoint ${endpoint.id}.`, true);
        if (state.webhook === endpoint.id) loadDeliveries();
    }

    async function toggleEndpoint(endpoint) {
        const changed = await api('PUT', `/api/admin/webhooks/${endpoint.id}`, { enabled: !endpoint.enabled });
        say($('webhook-message'), `Endpoint ${changed.id} ${changed.enabled ? 'enabled' : 'disabled'}.`, true);
        await loadEndpoints();
    }

    async function rotateSecret(endpoint) {
        if (!confirm(`Give endpoint ${endpoint.id} a new secret? The current one keeps signing beside it for `
            + '24 hours.')) return;
        const rotated = await api('POST', `/api/admin/webhooks/${endpoint.id}/rotate-secret`);
        say($('webhook-message'), `Endpoint ${rotated.id} has a new secret; the previous one signs too until `
            + `${date(rotated.previous_secret_expires_at)}.`, true);
        showSecret(rotated);
        await loadEndpoints();
    }

    async function deleteEndpoint(endpoint) {
        if (!confirm(`Delete endpoint ${endpoint.id} (${endpoint.url}) with its delivery log?`)) return;
        await api('DELETE', `/api/admin/webhooks/${endpoint.id}`);
        say($('webhook-message'), `Endpoint ${endpoint.id} deleted.`, true);
        await loadEndpoints();
    }

    function selectEndpoint(endpoint) {
        state.webhook = endpoint.id;
        state.delivery = null;
        $('webhook-attempts-box').hidden = true;
        $('webhook-deliveries-of').textContent = `of endpoint ${endpoint.id} · ${endpoint.url}`;
        $('webhooks').querySelectorAll('tbody tr').forEach(row =>
            row.classList.toggle('selected', row.dataset.webhook === String(endpoint.id)));
        $('deliveries-refresh').disabled = false;
        say($('deliveries-message'), '', true);
        return loadDeliveries();
    }

    function clearDeliveries() {
        clearTimeout(state.deliveriesTimer);
        state.webhook = state.delivery = null;
        $('webhook-deliveries').tBodies[0].replaceChildren();
        $('webhook-attempts-box').hidden = true;
        $('webhook-deliveries-of').textContent = "choose an endpoint's Deliveries";
        $('deliveries-refresh').disabled = true;
    }

    async function loadDeliveries() {
        clearTimeout(state.deliveriesTimer);
        const id = state.webhook;
        if (id === null) return;
        try {
            const list = await api('GET', `/api/admin/webhooks/${id}/deliveries?limit=20`);
            if (id !== state.webhook) return; // another endpoint was chosen meanwhile
            showDeliveries(list.deliveries);
            // Pending deliveries are followed until they settle, while this tab is open.
            if (list.deliveries.some(delivery => delivery.status === 'pending')) {
                state.deliveriesTimer = setTimeout(() => { if (!$('tab-webhooks').hidden) loadDeliveries(); },
                    REFRESH_MS);
            }
        } catch (e) {
            say($('deliveries-message'), e.message, false);
        }
    }

    $('deliveries-refresh').addEventListener('click', loadDeliveries);

    function showDeliveries(deliveries) {
        $('webhook-deliveries').tBodies[0].replaceChildren(...(deliveries.length ? deliveries.map(deliveryRow)
            : [el('tr', {}, el('td', { colspan: 8, class: 'hint' }, 'No delivery yet.'))]));
        const shown = deliveries.find(delivery => delivery.id === state.delivery);
        if (shown && shown.attempts !== state.attemptsShown) showAttempts(shown);
    }

    function lastOutcome(delivery) {
        if (delivery.last_status === null && !delivery.last_error) return '–';
        return [delivery.last_status ?? 'no answer',
            delivery.last_error ? el('div', { class: 'hint' }, delivery.last_error) : ''];
    }

    function deliveryRow(delivery) {
        const button = (label, work) => el('button', { type: 'button', class: 'small secondary',
            onclick: () => work(delivery) }, label);
        return el('tr', { 'data-delivery': delivery.id, class: delivery.id === state.delivery ? 'selected' : '',
                          onclick: event => { if (!event.target.closest('button')) showAttempts(delivery); } },
            el('td', {}, date(delivery.created_at)),
            el('td', {}, delivery.event_type, el('div', { class: 'hint' }, el('code', {}, delivery.message_id))),
            el('td', { class: 'n' }, number(delivery.sequence)),
            el('td', { class: 'status-' + delivery.status }, delivery.status),
            el('td', { class: 'n' }, number(delivery.attempts)),
            el('td', {}, lastOutcome(delivery)),
            el('td', {}, delivery.status === 'pending' ? date(delivery.next_attempt_at) : '–'),
            el('td', { class: 'actions' }, button('Attempts', showAttempts), ' ', button('Resend', resend)));
    }

    async function resend(delivery) {
        try {
            await api('POST', `/api/admin/webhooks/deliveries/${delivery.id}/resend`);
            say($('deliveries-message'), `Delivery ${delivery.id} (${delivery.message_id}) queued again.`, true);
            await loadDeliveries();
        } catch (e) {
            say($('deliveries-message'), e.message, false);
        }
    }

    async function showAttempts(delivery) {
        state.delivery = delivery.id;
        state.attemptsShown = delivery.attempts;
        $('webhook-deliveries').querySelectorAll('tbody tr').forEach(row =>
            row.classList.toggle('selected', row.dataset.delivery === String(delivery.id)));
        try {
            const list = await api('GET', `/api/admin/webhooks/deliveries/${delivery.id}/attempts`);
            if (delivery.id !== state.delivery) return; // another delivery was chosen meanwhile
            $('webhook-attempts-of').textContent = `Attempts of delivery ${delivery.id} · ${delivery.event_type} · `
                + delivery.message_id;
            $('webhook-attempts').tBodies[0].replaceChildren(...(list.attempts.length ? list.attempts.map(attemptRow)
                : [el('tr', {}, el('td', { colspan: 5, class: 'hint' }, 'Not attempted yet.'))]));
            $('webhook-attempts-box').hidden = false;
        } catch (e) {
            say($('deliveries-message'), e.message, false);
        }
    }

    function attemptRow(attempt) {
        const response = attempt.response ?? '';
        const start = response.length > 200 ? response.substring(0, 200) + '…' : response;
        return el('tr', {},
            el('td', {}, date(attempt.attempted_at)),
            el('td', { class: 'n' }, attempt.status_code ?? 'no answer'),
            el('td', { class: 'n' }, number(attempt.latency_ms)),
            el('td', {}, attempt.error ?? ''),
            el('td', { title: response }, el('code', {}, start)));
    }

    // ---- Mail ----
    function loadMail() {
        loadMailStatus();
        loadMails(false);
    }

    async function loadMailStatus() {
        try {
            const mail = await api('GET', '/api/admin/mail/status');
            $('mail-settings').textContent = mail.enabled
                ? 'Sent through ' + mail.smtp_server + ' from ' + mail.from + (mail.keeps_sent_bodies
                    ? '; the bodies of sent mails are kept for a while (View).' : '; bodies are dropped once sent.')
                : 'No SMTP server is configured (smtp.host): the service sends no mail.';
            $('mail-due').textContent = number(mail.outbox.due);
            $('mail-pending').textContent = number(mail.outbox.pending);
            $('mail-failed').textContent = number(mail.outbox.failed);
            $('mail-lag').textContent = Number(mail.outbox.lag_seconds).toFixed(1);
            $('mail-updated').textContent = 'updated ' + new Date().toLocaleTimeString();
            say($('mail-message'), '', true);
        } catch (e) {
            say($('mail-message'), e.message, false);
        }
    }

    async function loadMails(more) {
        const body = $('mails').tBodies[0];
        if (!more) {
            body.replaceChildren();
            state.mailCursor = null;
        }
        try {
            const query = state.mailCursor ? '?before=' + state.mailCursor : '';
            const page = await api('GET', '/api/admin/mail' + query);
            page.messages.forEach(mail => body.append(mailRow(mail)));
            state.mailCursor = page.messages.length ? page.messages[page.messages.length - 1].id : state.mailCursor;
            $('mail-more').hidden = page.messages.length < 50;
        } catch (e) {
            say($('mail-message'), e.message, false);
        }
    }

    function mailRow(mail) {
        return el('tr', {},
            el('td', {}, date(mail.created_at)),
            el('td', {}, mail.recipient),
            el('td', {}, mail.kind),
            el('td', {}, mail.subject),
            el('td', {}, mail.status),
            el('td', { class: 'n' }, number(mail.attempts)),
            el('td', {}, mail.last_error ?? ''),
            el('td', {}, el('button', { type: 'button', class: 'small secondary', onclick: () => showMail(mail.id) },
                'View')));
    }

    async function showMail(id) {
        try {
            const mail = await api('GET', '/api/admin/mail/' + id);
            $('mail-view').hidden = false;
            $('mail-view-subject').textContent = mail.subject;
            $('mail-view-meta').textContent = 'To ' + mail.recipient + ' · ' + mail.status
                + (mail.sent_at ? ' ' + date(mail.sent_at) : '') + ' · Message-ID ' + mail.message_id;
            const dropped = 'Not kept: the body is dropped once sent (mail.keep-sent-bodies-hours).';
            $('mail-view-text').textContent = mail.text_body ?? dropped;
            // Sandboxed, without scripts: the mail's HTML is shown, never run.
            $('mail-view-html').srcdoc = mail.html_body ?? '';
        } catch (e) {
            say($('mail-message'), e.message, false);
        }
    }

    $('mail-refresh').addEventListener('click', loadMail);
    $('mail-more').addEventListener('click', () => loadMails(true));
})();
