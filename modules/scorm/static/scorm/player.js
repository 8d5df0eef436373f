/*
 * The SCORM block on the lesson page (modules.scorm, docs/scorm.md).
 *
 * The package plays in a frame on the content origin. This script answers that frame only:
 * a message counts when it comes from the frame's own window and from the content origin. It
 * hands the runtime the learner's saved state, and saves what the runtime reports after each
 * commit with the learner's session and CSRF token.
 */
(function () {
    "use strict";
    var SOURCE = "weerbaar-scorm";

    function start(root) {
        if (root.getAttribute("data-scorm-started")) { return; }
        root.setAttribute("data-scorm-started", "1");
        var frame = root.querySelector("iframe");
        var origin = root.getAttribute("data-content-origin");
        var trackUrl = root.getAttribute("data-track-url");
        var csrf = root.getAttribute("data-csrf");
        var status = root.querySelector("[data-scorm-status]");
        var state = JSON.parse(document.getElementById(root.getAttribute("data-state-id")).textContent);
        var queue = Promise.resolve();

        function save(data) {
            ["completion_status", "success_status", "location", "suspend_data"].forEach(function (key) {
                if (data[key] !== undefined) { state[key] = data[key]; }
            });
            queue = queue.then(function () {
                return fetch(trackUrl, {
                    method: "POST",
                    credentials: "same-origin",
                    keepalive: true,
                    headers: {"Content-Type": "application/json", "X-CSRFToken": csrf},
                    body: JSON.stringify(data)
                }).then(function (response) {
                    if (response.status === 409) { throw new Error("reload"); }
                    if (!response.ok) { throw new Error(String(response.status)); }
                    return response.json();
                }).then(function (result) {
                    root.setAttribute("data-scorm-saved", String(Number(root.getAttribute("data-scorm-saved") || 0) + 1));
                    if (result.completed) {
                        status.textContent = root.getAttribute("data-done-text");
                    }
                }).catch(function (error) {
                    status.textContent = root.getAttribute(
                        error && error.message === "reload" ? "data-reload-text" : "data-error-text"
                    );
                });
            });
        }

        window.addEventListener("message", function (event) {
            if (event.origin !== origin || event.source !== frame.contentWindow) { return; }
            var message = event.data;
            if (!message || message.source !== SOURCE) { return; }
            if (message.type === "ready") {
                state.entry = state.suspend_data || state.location ? "resume" : (state.entry || "ab-initio");
                frame.contentWindow.postMessage({source: SOURCE, type: "init", state: state}, origin);
            } else if (message.type === "commit" && message.data && typeof message.data === "object") {
                save(message.data);
            }
        });
        // Only now: the frame's first message must find the listener above.
        frame.src = frame.getAttribute("data-src");
    }

    document.querySelectorAll("[data-scorm-player]").forEach(start);
}());
