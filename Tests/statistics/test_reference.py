"""PlanSite's statistical methods against independent implementations.

The Swift test StatisticsReferenceExport writes seeded inputs and PlanSite's answers to a JSON
file (PLANSITE_STATISTICS_REFERENCE, default .build/statistics-reference.json); `make
statistics` runs it first. Each method is recomputed here from its definition:
  - Wilson score interval: statsmodels' proportion_confint(method="wilson");
  - exact Poisson interval: scipy's chi-squared quantiles, chi2(0.025, 2O)/2 to chi2(0.975, 2O+2)/2;
  - chi-squared quantiles (the inverse regularised gamma behind the exact interval): scipy;
  - Byar's method: the exact Poisson interval, which it approximates closely from 10 events;
  - Fingertips' trend test: numpy, by weighted least squares (np.polyfit with its covariance)
    and, for proportions, the chi-squared test for trend written as a regression of the
    proportions on time weighted by the denominators.
"""
import json
import os
from pathlib import Path

import numpy as np
import pytest
from scipy.stats import chi2
from statsmodels.stats.proportion import proportion_confint

ROOT = Path(__file__).resolve().parents[2]
FILE = Path(os.environ.get("PLANSITE_STATISTICS_REFERENCE", ROOT / ".build" / "statistics-reference.json"))
THRESHOLD = chi2.ppf(0.998, 1)


@pytest.fixture(scope="module")
def reference():
    if not FILE.exists():
        pytest.fail(f"{FILE} is missing: run the Swift tests first (make swift-tests, or "
                    "swift test --filter StatisticsReferenceExport), which write it")
    return json.loads(FILE.read_text())


def close(ours, theirs, rel=1e-9, abs_=1e-12):
    return np.allclose(ours, theirs, rtol=rel, atol=abs_)


def test_every_method_has_at_least_200_seeded_inputs(reference):
    for method in ("wilson", "exactPoisson", "byar", "chiSquared", "weightedTrend", "proportionsTrend"):
        assert len(reference[method]) >= 200, method
    counts = [case["count"] for case in reference["wilson"]]
    assert min(counts) == 0 and max(counts) > 5000
    denominators = [case["denominator"] for case in reference["wilson"]]
    assert min(denominators) < 10 and max(denominators) > 1e6


def test_wilson_matches_statsmodels(reference):
    for case in reference["wilson"]:
        lower, upper = proportion_confint(case["count"], case["denominator"], alpha=0.05, method="wilson")
        assert close([case["lower"], case["upper"]], [lower, upper]), case


def test_exact_poisson_matches_scipy_chi_squared_quantiles(reference):
    assert any(case["count"] == 0 for case in reference["exactPoisson"])
    for case in reference["exactPoisson"]:
        o = case["count"]
        lower = 0.0 if o == 0 else chi2.ppf(0.025, 2 * o) / 2
        upper = chi2.ppf(0.975, 2 * o + 2) / 2
        assert close([case["lower"], case["upper"]], [lower, upper]), case


def test_chi_squared_quantiles_match_scipy(reference):
    for case in reference["chiSquared"]:
        assert close(case["quantile"], chi2.ppf(case["p"], case["df"])), case


def test_byar_is_close_to_exact_poisson_from_ten_events(reference):
    worst = 0.0
    for case in reference["byar"]:
        o = case["count"]
        exact = np.array([chi2.ppf(0.025, 2 * o) / 2, chi2.ppf(0.975, 2 * o + 2) / 2])
        difference = np.abs(np.array([case["lower"], case["upper"]]) - exact) / exact
        worst = max(worst, difference.max())
    # Byar's approximation is within 0.2% of the exact limits at 10 events and closer above.
    assert worst < 2e-3


def weighted_slope(values, lower, upper):
    """Weighted least squares of value on t = 1..n, weights 1/se^2 with se = width / 3.92."""
    t = np.arange(1, len(values) + 1, dtype=float)
    se = (np.asarray(upper) - np.asarray(lower)) / 3.92
    coefficients, covariance = np.polyfit(t, values, 1, w=1 / se, cov="unscaled")
    return coefficients[0], coefficients[0] ** 2 / covariance[0, 0]


def keeps_sign(slope, slopes_without_each):
    return all(np.sign(s) == np.sign(slope) and s != 0 for s in slopes_without_each)


def test_weighted_trend_matches_numpy(reference):
    significant = 0
    for case in reference["weightedTrend"]:
        values, lower, upper = (np.asarray(case[k]) for k in ("values", "lower", "upper"))
        slope, chi_squared = weighted_slope(values, lower, upper)
        assert close([case["slope"], case["chiSquared"]], [slope, chi_squared], rel=1e-7), case
        t = np.arange(1, 6, dtype=float)
        without = []
        for left in range(5):
            keep = np.arange(5) != left
            se = (upper[keep] - lower[keep]) / 3.92
            without.append(np.polyfit(t[keep], values[keep], 1, w=1 / se)[0])
        assert case["slopeKeepsSign"] == keeps_sign(slope, without), case
        significant += case["slopeKeepsSign"] and chi_squared > THRESHOLD
    assert 0 < significant < len(reference["weightedTrend"])


def test_proportions_trend_matches_numpy(reference):
    for case in reference["proportionsTrend"]:
        r, n = np.asarray(case["counts"]), np.asarray(case["denominators"])
        t = np.arange(1, len(r) + 1, dtype=float)
        p, pooled = r / n, r.sum() / n.sum()
        # Armitage's test as a regression: the slope of p on t weighted by n, over its null variance.
        t_bar = (n * t).sum() / n.sum()
        slope = (n * (t - t_bar) * p).sum() / (n * (t - t_bar) ** 2).sum()
        variance = pooled * (1 - pooled) / (n * (t - t_bar) ** 2).sum()
        assert close(case["chiSquared"], slope ** 2 / variance, rel=1e-7), case
        log_odds = np.log(r / (n - r))
        ordinary = np.polyfit(t, log_odds, 1)[0]
        assert close(case["slope"], ordinary, rel=1e-7, abs_=1e-10), case
        without = [np.polyfit(np.delete(t, i), np.delete(log_odds, i), 1)[0] for i in range(5)]
        assert case["slopeKeepsSign"] == keeps_sign(ordinary, without), case
