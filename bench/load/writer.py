"""Issue the draft decisions of LOAD-W over HTTP, one after another, and log each
request (for bench/load/db_restart.sh). A request that fails is logged and its
decision is tried again later; the loop stops after DURATION seconds.

    .venv/bin/python -m bench.load.writer BASE_URL DURATION IDS_FILE OUT.csv

IDS_FILE holds the primary keys of the draft decisions, one a line.
"""

from __future__ import annotations

import csv
import re
import sys
import time

import requests

from bench.load.prepare import PASSWORD

TIMEOUT = 30
PAUSE = 0.5  # seconds between two decisions: a clerk, not a batch job
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')
ISSUED_ON = re.compile(r'name="issued_on" value="([^"]+)"')


def main(base: str, duration: float, ids_path: str, out_path: str) -> None:
    session = requests.Session()
    page = session.get(f"{base}/accounts/login/", timeout=TIMEOUT)
    session.post(
        f"{base}/accounts/login/",
        data={
            "username": "load.writer",
            "password": PASSWORD,
            "csrfmiddlewaretoken": TOKEN.search(page.text).group(1),
        },
        timeout=TIMEOUT,
    ).raise_for_status()
    with open(ids_path) as ids:
        todo = [int(line) for line in ids if line.strip()]
    rows: list[list] = []
    issued = 0
    stop_at = time.time() + duration

    def call(kind: str, method: str, url: str, **kwargs) -> requests.Response | None:
        started = time.time()
        try:
            response = session.request(
                method, url, timeout=TIMEOUT, allow_redirects=False, **kwargs
            )
            rows.append(
                [started, kind, time.time() - started, response.status_code, ""]
            )
            return response
        except requests.RequestException as error:
            rows.append([started, kind, time.time() - started, 0, type(error).__name__])
            return None

    while todo and time.time() < stop_at:
        pk = todo.pop(0)
        url = f"{base}/awards/decisions/{pk}/issue/"
        form = call("issue form", "GET", url)
        if form is None or form.status_code != 200:
            todo.append(pk)
            time.sleep(0.2)
            continue
        result = call(
            "issue",
            "POST",
            url,
            data={
                "csrfmiddlewaretoken": TOKEN.search(form.text).group(1),
                "version": VERSION.search(form.text).group(1),
                "issued_on": ISSUED_ON.search(form.text).group(1),
            },
        )
        if result is not None and result.status_code == 302:
            issued += 1
            time.sleep(PAUSE)
        else:
            todo.append(pk)  # not issued: try again later
            time.sleep(0.2)
    with open(out_path, "w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["start", "kind", "seconds", "status", "error"])
        writer.writerows(rows)
    print(f"writer: {issued} decisions issued (302), {len(rows)} requests")


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4])
