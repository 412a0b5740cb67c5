"""Signals clusters sends to the apps above it (awards), which connect in their ready().

``ranking_published`` — a cluster year's ranking was published.
    sender: ``ClusterYear``; kwargs: ``cluster_year``, ``actor``.

``cluster_proposal_confirmed`` — the cluster confirmed a proposal for a Cờ thi đua or
    a Bằng khen and sends it up; the awards app takes it up as a collective
    nomination (then calls ``clusters.services.evaluation.proposal_take_up``).
    sender: ``ClusterProposal``; kwargs: ``proposal``, ``actor``.
    Sent after the transaction commits.
"""

from django.dispatch import Signal

ranking_published = Signal()
cluster_proposal_confirmed = Signal()
