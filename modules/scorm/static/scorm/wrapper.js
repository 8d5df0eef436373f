/*
 * The SCORM runtime on the content origin (modules.scorm, docs/scorm.md).
 *
 * The lesson page (another origin) frames this page. This page asks it for the learner's saved
 * state, seeds scorm-again with it, exposes window.API (SCORM 1.2) or window.API_1484_11
 * (SCORM 2004) and only then loads the package's start file in its own frame, so the content
 * finds the API in window.parent and its first GetValue already sees the suspend data. After
 * every commit and at the end it posts the values the site keeps to the lesson page, which
 * saves them (it holds the session and the CSRF token; this origin has neither).
 */
(function () {
    "use strict";
    var SOURCE = "weerbaar-scorm";
    var body = document.body;
    var version = body.getAttribute("data-version");
    var launch = body.getAttribute("data-launch");
    var parentOrigin = body.getAttribute("data-parent-origin");
    var frame = document.getElementById("scorm-content");
    var api = null;

    function send(message) {
        message.source = SOURCE;
        window.parent.postMessage(message, parentOrigin);
    }

    function given(value) {
        return value !== undefined && value !== null && value !== "";
    }

    function report() {
        var cmi = api.cmi;
        var data;
        if (version === "1.2") {
            data = {
                completion_status: cmi.core.lesson_status,
                success_status: "",
                score_raw: cmi.core.score.raw,
                score_min: cmi.core.score.min,
                score_max: cmi.core.score.max,
                location: cmi.core.lesson_location,
                suspend_data: cmi.suspend_data
            };
        } else {
            data = {
                completion_status: cmi.completion_status,
                success_status: cmi.success_status,
                score_raw: cmi.score.raw,
                score_min: cmi.score.min,
                score_max: cmi.score.max,
                score_scaled: cmi.score.scaled,
                location: cmi.location,
                suspend_data: cmi.suspend_data
            };
        }
        send({type: "commit", data: data});
    }

    function seed12(state) {
        var core = {student_id: state.learner_id, student_name: "", entry: state.entry || ""};
        if (given(state.location)) { core.lesson_location = state.location; }
        if (given(state.completion_status)) {
            core.lesson_status = state.completion_status === "not_attempted" ? "not attempted" : state.completion_status;
        }
        if (given(state.score_raw)) {
            core.score = {raw: state.score_raw, min: state.score_min || "", max: state.score_max || ""};
        }
        var json = {core: core};
        if (given(state.suspend_data)) { json.suspend_data = state.suspend_data; }
        api = new window.Scorm12API({autocommit: false, lmsCommitUrl: false, logLevel: 5});
        api.loadFromJSON(json);
        api.on("LMSCommit", report);
        api.on("LMSFinish", report);
        window.API = api;
    }

    function seed2004(state) {
        var json = {learner_id: state.learner_id, learner_name: "", entry: state.entry || ""};
        if (given(state.location)) { json.location = state.location; }
        if (given(state.completion_status)) { json.completion_status = state.completion_status; }
        if (given(state.success_status)) { json.success_status = state.success_status; }
        if (given(state.score_raw) || given(state.score_scaled)) {
            json.score = {};
            ["raw", "min", "max", "scaled"].forEach(function (key) {
                if (given(state["score_" + key])) { json.score[key] = state["score_" + key]; }
            });
        }
        if (given(state.suspend_data)) { json.suspend_data = state.suspend_data; }
        api = new window.Scorm2004API({autocommit: false, lmsCommitUrl: false, logLevel: 5});
        api.loadFromJSON(json);
        api.on("Commit", report);
        api.on("Terminate", report);
        window.API_1484_11 = api;
    }

    window.addEventListener("message", function (event) {
        if (event.origin !== parentOrigin || event.source !== window.parent) { return; }
        var message = event.data;
        if (!message || message.source !== SOURCE || message.type !== "init" || api !== null) { return; }
        var state = message.state || {};
        if (version === "1.2") { seed12(state); } else { seed2004(state); }
        frame.src = launch;
    });

    send({type: "ready"});
}());
