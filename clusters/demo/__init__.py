"""Demo data of the clusters (``manage.py seed_demo``, orders 200–299).

- Cụm thi đua số 8 (2019, ARTICLE-1): six central districts, HBT head, Ba Đình first and
  Hoàn Kiếm second deputy; kick-off and pledge signed on 21/02/2019 at the HBT HQ; the
  city's draft criteria adapted by 30%; minutes issued. After the 2025 reform the
  districts are historic; a cluster of their successor wards is formed for 2026.
- Cụm thi đua số 7 (2023, ARTICLE-3): six departments, SGDĐT head, SYT deputy; plan
  972/KH-CTĐ7 and regulation 580/QĐ-CTĐ7 of 04/4/2023; pledge with the city theme;
  kick-off 31/3/2023, mid-year conference 08/9/2023; year-end cards open to fill.
- Khối Thi đua Tổng hợp, Hà Nam (ARTICLE-4): nine units scored and ranked for 2021,
  the year-end conference of 28/12/2021 votes the proposals and the 2022 rotation,
  the province confirms, 2022 opens with Văn phòng UBND tỉnh as head.

Names of people are invented. Each seeder skips what already exists.
"""

from .ha_nam import seed_ha_nam_block
from .hanoi import seed_cluster_7, seed_cluster_8

__all__ = ["seed_cluster_7", "seed_cluster_8", "seed_ha_nam_block"]
