"""Locust scenario: staff users working through the pages they open every day.

Each simulated user logs in with its own account (``load.NN``, made by
``bench.load.prepare``), finds the objects it can see by opening the list pages
(dossier queue, decisions, councils, clusters, units, people), then opens pages at
random with the weights of WEIGHTS, waiting LOAD_WAIT_MIN..LOAD_WAIT_MAX seconds
between two pages. A page counts as failed unless it answers 200 without a
redirect (an expired session would redirect to the login page).

Started by ``bench/load/run.sh``; by hand:
    .venv/bin/locust -f bench/load/locustfile.py --headless -u 50 -r 10 -t 60s \\
        --host http://127.0.0.1:8011
"""

from __future__ import annotations

import csv
import os
import random
import re
import threading

from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser

PASSWORD = "Load@2026test"
WAIT_MIN = float(os.environ.get("LOAD_WAIT_MIN", "1"))
WAIT_MAX = float(os.environ.get("LOAD_WAIT_MAX", "3"))
WEIGHTS = {
    "dashboard": 15,
    "dossier queue": 15,  # the secretariat's queue; officers get their dossier list
    "dossier list": 15,
    "dossier detail": 20,
    "decision list": 3,
    "decision detail": 8,
    "council meeting": 5,
    "cluster ranking": 4,
    "unit list": 4,
    "unit search": 5,
    "unit detail": 4,
    "person list": 4,
    "person search": 8,
    "person detail": 5,
}
PERSON_TERMS = ["nguyen", "tran thi", "le van", "pham", "hoang", "vu ngoc", "do"]
UNIT_TERMS = ["phuong", "so", "truong", "xa", "uy ban", "phong"]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SAMPLES = os.environ.get("LOAD_SAMPLES", "")
_numbers = iter(range(1, 10_000))
_numbers_lock = threading.Lock()
_samples: list[tuple[float, str, str, float, int, str]] = []


@events.request.add_listener
def _record(request_type, name, response_time, response, exception, **kwargs):
    """Keep every request (start, name, latency, status) for exact percentiles."""
    status = getattr(response, "status_code", 0) or 0
    started = kwargs.get("start_time") or 0.0
    error = "" if exception is None else str(exception).replace("\n", " ")[:200]
    _samples.append((started, request_type, name, response_time, status, error))


@events.test_stop.add_listener
def _write_samples(**kwargs):
    if SAMPLES:
        with open(SAMPLES, "w", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["start", "method", "name", "ms", "status", "error"])
            writer.writerows(_samples)


def links(html: str, pattern: str) -> list[str]:
    return sorted(set(re.findall(rf'href="({pattern})"', html)))


class Staff(FastHttpUser):
    wait_time = between(WAIT_MIN, WAIT_MAX)

    def on_start(self) -> None:
        with _numbers_lock:
            number = next(_numbers)
        self.username = f"load.{number:02d}"
        self.login()
        self.urls: dict[str, list[str]] = {
            "dashboard": ["/"],
            "decision list": ["/awards/decisions/"],
            "unit list": ["/units/"],
            "person list": ["/people/"],
            "unit search": [f"/units/?q={t.replace(' ', '+')}" for t in UNIT_TERMS],
            "person search": [
                f"/people/?q={t.replace(' ', '+')}" for t in PERSON_TERMS
            ],
        }
        # The navigation shows the processing queue only to whom may process dossiers.
        nav = self.get("/", "dashboard")
        queue = "dossier queue" if 'href="/awards/queue/"' in nav else "dossier list"
        self.urls[queue] = [
            "/awards/queue/" if queue == "dossier queue" else "/awards/dossiers/"
        ]
        found = {
            "dossier detail": links(self.open(queue), r"/awards/dossiers/\d+/"),
            "decision detail": links(
                self.open("decision list"), r"/awards/decisions/\d+/"
            ),
            "unit detail": links(self.open("unit list"), r"/units/\d+/"),
            "person detail": links(self.open("person list"), r"/people/\d+/"),
            "council meeting": [],
            "cluster ranking": [],
        }
        for council in links(self.get("/councils/", "council list"), r"/councils/\d+/")[
            :3
        ]:
            found["council meeting"] += links(
                self.get(council, "council detail"), r"/councils/meetings/\d+/"
            )
        for cluster in links(self.get("/clusters/", "cluster list"), r"/clusters/\d+/")[
            :3
        ]:
            for year in links(
                self.get(cluster, "cluster detail"), r"/clusters/years/\d+/"
            ):
                found["cluster ranking"].append(f"{year}ranking/")
        self.urls.update({name: urls for name, urls in found.items() if urls})
        self.names = [name for name in WEIGHTS if name in self.urls]
        self.weights = [WEIGHTS[name] for name in self.names]

    def login(self) -> None:
        page = self.client.get("/accounts/login/", name="login form")
        token = CSRF.search(page.text).group(1)
        with self.client.post(
            "/accounts/login/",
            data={
                "username": self.username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": token,
            },
            name="login",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"login of {self.username}: {response.status_code}")

    def get(self, url: str, name: str) -> str:
        with self.client.get(
            url, name=name, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} on {url}")
                return ""
            return response.text or ""

    def open(self, name: str) -> str:
        return self.get(random.choice(self.urls[name]), name)

    @task
    def browse(self) -> None:
        self.open(random.choices(self.names, weights=self.weights)[0])
