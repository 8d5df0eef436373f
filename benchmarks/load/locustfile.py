"""The yearly quiz at the peak: one locust user per person, each running the flow once.

Mijn leeromgeving, the module page, start the quiz (POST with the page's CSRF token), the
question page, hand in the right answers (read from the form: the labels under each question's
text, matched against the bank the runner built) and the result page. Every person arrives
already logged in: the runner gives each a session of their own (``LOAD_PLAN``, a JSON file).

Cookies are kept by hand: production marks them Secure and the benchmark talks plain HTTP on
loopback (``X-Forwarded-Proto: https`` tells Django it is behind a TLS proxy), so a cookie jar
would not send them back. Redirects are followed by hand too, so each step has its own line.

At the end the outcome per person (finished, failed requests) goes to ``LOAD_OUTCOME``; the
runner checks it against the database.
"""

from __future__ import annotations

import html
import json
import os
import re
import time
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

import gevent
from locust import events, task
from locust.contrib.fasthttp import FastHttpUser
from locust.exception import StopUser

with open(os.environ["LOAD_PLAN"]) as _plan:
    PLAN = json.load(_plan)
PEOPLE = PLAN["people"]
CORRECT: dict[str, list[str]] = PLAN["correct"]
OUTCOME: dict[int, dict] = {}
DONE: set[int] = set()
_next = iter(range(len(PEOPLE)))

CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
START_RE = re.compile(r'<form method="post" action="(/module/\d+/toets/)"')
LEGEND_RE = re.compile(r'<legend class="question__text">(.*?)</legend>', re.S)
LABEL_RE = re.compile(r'<label for="(q\d+)-([0-9a-f]+)">(.*?)</label>', re.S)


class FlowError(Exception):
    pass


class Person(FastHttpUser):
    # Keep-alive per user; a person's requests follow each other without think time.
    wait_time = None
    network_timeout = 60.0
    connection_timeout = 10.0

    def on_start(self) -> None:
        try:
            self.index = next(_next)
        except StopIteration:
            raise StopUser() from None
        person = PEOPLE[self.index]
        self.user_id = person["user_id"]
        self.cookies = {PLAN["session_cookie"]: person["session_key"]}
        self.origin = "https://" + urlsplit(self.host).netloc
        OUTCOME[self.user_id] = {"finished": False, "failed": 0, "step": ""}

    # -- HTTP with hand-kept cookies --------------------------------------------------------

    def _headers(self, extra: dict | None = None) -> dict:
        headers = {
            "X-Forwarded-Proto": "https",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        headers.update(extra or {})
        return headers

    def _keep_cookies(self, response) -> None:
        for line in response.headers.getlist("set-cookie") if response.headers else ():
            cookie = SimpleCookie()
            cookie.load(line)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    def _call(self, method: str, url: str, name: str, *, expect: int, data=None):
        OUTCOME[self.user_id]["step"] = name
        extra = None
        if method == "POST":
            extra = {
                "Origin": self.origin,
                "Referer": self.origin + url,
                "Content-Type": "application/x-www-form-urlencoded",
            }
        with self.client.request(
            method,
            url,
            name=name,
            data=data,
            headers=self._headers(extra),
            allow_redirects=False,
            catch_response=True,
        ) as response:
            self._keep_cookies(response)
            if response.status_code != expect:
                response.failure(f"{name}: status {response.status_code}, expected {expect}")
                OUTCOME[self.user_id]["failed"] += 1
                raise FlowError(name)
            if expect == 302:
                location = response.headers.get("location", "")
                return urlsplit(location).path
            return response.text

    # -- the flow --------------------------------------------------------------------------

    @task
    def yearly_quiz(self) -> None:
        try:
            self._flow()
        except FlowError:
            pass
        finally:
            DONE.add(self.user_id)
        raise StopUser()

    def _flow(self) -> None:
        OUTCOME[self.user_id]["t0"] = time.time()
        self._call("GET", "/mijn-leeromgeving/", "1 mijn leeromgeving", expect=200)
        module_page = self._call("GET", PLAN["module_url"], "2 module page", expect=200)
        start = START_RE.search(module_page)
        token = CSRF_RE.search(module_page)
        if not (start and token):
            self._fail("2 module page", "no start form on the module page")
        attempt_url = self._call(
            "POST",
            start.group(1),
            "3 start quiz (POST)",
            expect=302,
            data=f"csrfmiddlewaretoken={token.group(1)}",
        )
        if not attempt_url.startswith("/toets/"):
            self._fail("3 start quiz (POST)", f"redirected to {attempt_url}")
        form = self._call("GET", attempt_url, "4 question page", expect=200)
        body = self._answers(form)
        result_url = self._call("POST", attempt_url, "5 submit (POST)", expect=302, data=body)
        if not result_url.endswith("/uitslag/"):
            self._fail("5 submit (POST)", f"redirected to {result_url}")
        result = self._call("GET", result_url, "6 result page", expect=200)
        if "notice--success" not in result:
            self._fail("6 result page", "the result page does not say passed")
        OUTCOME[self.user_id]["finished"] = True
        OUTCOME[self.user_id]["t1"] = time.time()

    def _fail(self, name: str, message: str) -> None:
        events.request.fire(
            request_type="CHECK",
            name=name,
            response_time=0,
            response_length=0,
            exception=FlowError(message),
            context={},
        )
        OUTCOME[self.user_id]["failed"] += 1
        raise FlowError(message)

    def _answers(self, form: str) -> str:
        """The right answers, chosen as a learner who knows them: by the labels under each
        question's text."""
        token = CSRF_RE.search(form)
        legends = [html.unescape(text.strip()) for text in LEGEND_RE.findall(form)]
        options: dict[str, list[tuple[str, str]]] = {}
        for name, key, label in LABEL_RE.findall(form):
            options.setdefault(name, []).append((key, html.unescape(label.strip())))
        if not token or len(legends) != len(options) or not options:
            self._fail("4 question page", "cannot read the question form")
        fields = [("csrfmiddlewaretoken", token.group(1)), ("action", "submit")]
        for legend, (name, choices) in zip(legends, options.items(), strict=True):
            right = set(CORRECT.get(legend, ()))
            fields += [(name, key) for key, label in choices if label in right]
        return "&".join(f"{k}={v}" for k, v in fields)


@events.test_stop.add_listener
def _write_outcome(environment, **kwargs) -> None:
    path = os.environ.get("LOAD_OUTCOME")
    if path:
        with open(path, "w") as out:
            json.dump({str(k): v for k, v in OUTCOME.items()}, out)


@events.test_start.add_listener
def _stop_when_all_done(environment, **kwargs) -> None:
    """Quit as soon as every person has run their flow (finished or failed)."""

    def watch() -> None:
        while True:
            gevent.sleep(0.5)
            if len(DONE) >= len(PEOPLE):
                gevent.sleep(0.5)
                environment.runner.quit()
                return

    gevent.spawn(watch)
