from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import path

from config.urls import urlpatterns as app_patterns


def floor(request: HttpRequest) -> HttpResponse:
    """The floor: the full middleware stack and a minimal template, no database work."""
    return HttpResponse(render_to_string("bench/floor.html"))


urlpatterns = [path("__floor__/", floor, name="bench-floor"), *app_patterns]
