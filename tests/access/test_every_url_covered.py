"""Every URL of our apps has a row in the access matrix (Zulip's URL coverage idea)."""

from django.urls import URLPattern, URLResolver, get_resolver

from tests.access.test_matrix import CASES

OUR_NAMESPACES = {"orgs", "councils", "clusters", "awards", "reports", "public"}
OUTSIDE_THE_MATRIX = {
    "login",
    "logout",
    "password_change",
    "password_change_done",
    "set_language",
}


def url_names(patterns, namespace: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}:{pattern.namespace}"
                if namespace and pattern.namespace
                else (pattern.namespace or namespace)
            )
            names |= url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
    return names


def test_every_named_url_of_our_apps_is_in_the_matrix():
    ours = {
        name
        for name in url_names(get_resolver().url_patterns)
        if name.split(":")[0] in OUR_NAMESPACES or name == "healthz"
    }
    covered = {case.url_name for case, _builder in CASES}
    assert ours - covered == set(), "URLs missing from tests/access/cases_*.py"
