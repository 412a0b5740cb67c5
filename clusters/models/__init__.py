"""Models of clusters and blocks (cụm, khối thi đua)."""

from .conferences import (
    ClusterDocument,
    Conference,
    ConferenceAttendance,
    ConferenceConclusion,
    ConferenceItem,
)
from .criteria import CriteriaSet, Criterion
from .evaluation import FLAG_CODES, MERIT_CODES, AwardCode, ClusterProposal
from .followers import ClusterFollower
from .organisation import Cluster, ClusterMembership, ClusterYear
from .pledges import Pledge, PledgeCommitment, PledgeSignatory
from .rotation import RotationDeputy, RotationProposal
from .scoring import Evidence, Review, ReviewScore, ScoreChange, ScoreEntry, ScoreSheet
from .votes import ConferenceVote

__all__ = [
    "FLAG_CODES",
    "MERIT_CODES",
    "AwardCode",
    "Cluster",
    "ClusterDocument",
    "ClusterFollower",
    "ClusterMembership",
    "ClusterProposal",
    "ClusterYear",
    "Conference",
    "ConferenceAttendance",
    "ConferenceConclusion",
    "ConferenceItem",
    "ConferenceVote",
    "CriteriaSet",
    "Criterion",
    "Evidence",
    "Pledge",
    "PledgeCommitment",
    "PledgeSignatory",
    "Review",
    "ReviewScore",
    "RotationDeputy",
    "RotationProposal",
    "ScoreChange",
    "ScoreEntry",
    "ScoreSheet",
]
