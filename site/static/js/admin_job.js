// The result page of an admin background job (accounts/admin/job.html): while the job waits
// or runs, ask its JSON state every few seconds and update the progress bar and the polite
// live region in place, instead of reloading the page (WCAG 2.2.1). When the job has
// finished, stop and offer the result link once. Without JavaScript the page's "Refresh"
// link does the same by hand.
(function () {
    "use strict";
    var box = document.querySelector("[data-admin-job]");
    if (!box || !window.fetch) {
        return;
    }
    var url = box.getAttribute("data-status-url");
    var seconds = parseInt(box.getAttribute("data-poll-seconds"), 10) || 3;
    var text = box.querySelector("[data-job-text]");
    var bar = box.querySelector("progress");
    var result = box.querySelector("[data-job-result]");
    var refresh = box.querySelector("[data-job-refresh]");
    var timer = null;

    function show(state) {
        if (state.total) {
            bar.max = state.total;
            bar.value = state.done;
            bar.textContent = state.percent + "%";
        }
        if (text.textContent.trim() !== state.text) {
            text.textContent = state.text;
        }
        if (state.finished) {
            window.clearInterval(timer);
            refresh.hidden = true;
            result.hidden = false;
        }
    }

    function poll() {
        fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(response.status);
                }
                return response.json();
            })
            .then(show)
            .catch(function () {
                // Logged out or the server is away: stop; the "Refresh" link still works.
                window.clearInterval(timer);
            });
    }

    timer = window.setInterval(poll, seconds * 1000);
})();
