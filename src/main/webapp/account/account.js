'use strict';
// The pages that mail links open. The token travels in the fragment (#token=…), which browsers never send to a
// server; the page sends it to the API only when the person asks (a link scanner that merely opens the page changes
// nothing). Every answer is shown as text.
(() => {
    const form = document.querySelector('form[data-action]');
    const message = document.getElementById('message');
    const token = new URLSearchParams(location.hash.substring(1)).get('token');
    history.replaceState(null, '', location.pathname);

    function say(text, ok) {
        message.textContent = text;
        message.className = 'message ' + (ok ? 'ok' : 'error');
    }

    function describe(status, problem) {
        if (problem && problem.errors) {
            return Object.entries(problem.errors).map(([field, what]) =>
                (field === 'token' ? 'This link ' : 'The ' + field + ' ') + what + '.').join(' ');
        }
        return (problem && (problem.detail || problem.title)) || 'The server answered ' + status + '.';
    }

    if (!token) {
        form.hidden = true;
        say('This page needs the link from your mail: open the link itself, in full.', false);
        return;
    }

    form.addEventListener('submit', async event => {
        event.preventDefault();
        const body = { token };
        const password = form.elements.password;
        if (password) {
            if (password.value !== form.elements['password-again'].value) {
                say('The two passwords differ.', false);
                return;
            }
            body.password = password.value;
        }
        const button = form.querySelector('button');
        button.disabled = true;
        try {
            const response = await fetch(form.dataset.action, { method: 'POST', body: JSON.stringify(body),
                headers: { 'Content-Type': 'application/json', Accept: 'application/json' } });
            if (response.ok) {
                form.hidden = true;
                say(form.dataset.done, true);
                return;
            }
            const text = await response.text();
            say(describe(response.status, text ? JSON.parse(text) : null), false);
        } catch (e) {
            say('The service could not be reached. Try again in a moment.', false);
        }
        button.disabled = false;
    });
})();
