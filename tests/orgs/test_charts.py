from django.template.loader import render_to_string

from orgs.charts import bar_chart, line_chart, nice_max


def test_axis_maximum_is_rounded_up():
    assert nice_max(87) == 100
    assert nice_max(1_234) == 2_000
    assert nice_max(0) == 1


def test_bars_scale_to_the_axis_and_link_to_their_records():
    chart = bar_chart(
        [("2023", 40), ("2024", 80)], urls=["/a", "/b"], title="Khen thưởng"
    )
    low, high = chart["bars"]
    assert high.height == 2 * low.height
    html = render_to_string("includes/_bar_chart.html", {"chart": chart})
    assert 'href="/b"' in html and "<svg" in html and "style=" not in html


def test_line_chart_has_one_path_per_series():
    chart = line_chart(["2021", "2022", "2023"], {"A": [1, 2, 3], "B": [3, 2, 1]})
    assert len(chart["series"]) == 2
    assert chart["series"][0].path.startswith("M")
    html = render_to_string("includes/_line_chart.html", {"chart": chart})
    assert html.count("<path") == 2


def test_svg_numbers_keep_a_decimal_point_in_vietnamese():
    from django.utils import translation

    chart = bar_chart([("A", 1), ("B", 3), ("C", 7)])
    with translation.override("vi"):
        html = render_to_string("includes/_bar_chart.html", {"chart": chart})
    assert 'x="' in html
    assert not any(
        "," in value
        for value in __import__("re").findall(r' (?:x|y|width|height)="([^"]*)"', html)
    )
