r"""Variational inference in closed form: the conjugate Gaussian model and the VAE's KL term.

The model of chapter 13 (:doc:`chapters/13_variational_inference`) has a real
latent variable :math:`v` with a Gaussian prior and :math:`N` observations
that are Gaussian around it,

.. math::

    v \sim \mathcal N(\mu_0, \sigma_0^2), \qquad
    x_i \mid v \sim \mathcal N(v, \sigma^2) \ \text{independently}, \quad i = 1, \dots, N.

Its posterior :math:`p(v \mid x)` and its evidence :math:`p(x)` have closed
forms, and so does the evidence lower bound of a Gaussian
:math:`q = \mathcal N(\mu_q, \sigma_q^2)`; the three satisfy
:math:`\log p(x) = \mathrm{ELBO}(q) + D_{\mathrm{KL}}(q \,\|\, p(\cdot \mid x))`.
Everything depends on the data only through :math:`N`, the sample mean
:math:`\bar x` and the sum of squares :math:`S = \sum_i (x_i - \bar x)^2`.

Data sets are given as ``x`` of shape ``(N,)`` or ``(N, *batch)``: axis 0 holds
the observations (as in :mod:`infolib.montecarlo`), further axes a batch of
data sets; the parameters broadcast against the batch shape. Results in nats.

:func:`kl_to_standard_normal` is the KL term of a variational autoencoder,
:math:`D_{\mathrm{KL}}(\mathcal N(\mu, \operatorname{diag}\sigma^2) \,\|\, \mathcal N(0, I))`.

References
----------
C. M. Bishop, *Pattern Recognition and Machine Learning*, Springer, 2006,
sec. 2.3.6 (the posterior of the mean) and ch. 10 (variational inference);
D. P. Kingma and M. Welling, "Auto-encoding variational Bayes", ICLR 2014,
appendix B (the KL term).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from infolib._special import HALF_LOG_2PI, u_minus_log1p_array
from infolib._validation import as_parameter, as_sample_array, broadcast_shapes, normalize_axis
from infolib.gaussian import Gaussian

__all__ = [
    "conjugate_gaussian_posterior",
    "conjugate_gaussian_log_evidence",
    "gaussian_elbo",
    "kl_to_standard_normal",
]


def _scalar_or_array(value: np.ndarray) -> float | np.ndarray:
    value = np.asarray(value, dtype=np.float64)
    return float(value) if value.ndim == 0 else value


def _model(
    x: Any, prior_mean: Any, prior_std: Any, noise_std: Any
) -> tuple[int, np.ndarray, np.ndarray, Any, Any, Any]:
    """Validate the model; return N, the sample mean, S and the three parameters."""
    data = as_sample_array(x, "x", min_size=1, batched=True)
    mu0 = as_parameter(prior_mean, "prior_mean", "real")
    s0 = as_parameter(prior_std, "prior_std", "positive")
    sigma = as_parameter(noise_std, "noise_std", "positive")
    broadcast_shapes(x=data.shape[1:], prior_mean=np.shape(mu0), prior_std=np.shape(s0),
                     noise_std=np.shape(sigma))
    n = data.shape[0]
    xbar = data.mean(axis=0)
    ss = np.sum((data - xbar) ** 2, axis=0)
    return n, xbar, ss, mu0, s0, sigma


def conjugate_gaussian_posterior(
    x: Any, prior_mean: Any, prior_std: Any, noise_std: Any
) -> Gaussian:
    r"""The posterior :math:`p(v \mid x) = \mathcal N(\mu_N, \sigma_N^2)` of the conjugate model.

    .. math::

        \frac1{\sigma_N^2} = \frac1{\sigma_0^2} + \frac N{\sigma^2}, \qquad
        \mu_N = \sigma_N^2 \Big(\frac{\mu_0}{\sigma_0^2} + \frac{N\bar x}{\sigma^2}\Big).

    Parameters
    ----------
    x : array_like, shape (N,) or (N, *batch)
        The observations :math:`x_1, \dots, x_N` (finite, at least one) along
        axis 0; further axes are a batch of data sets.
    prior_mean, prior_std : float or array_like
        :math:`\mu_0` (finite) and :math:`\sigma_0 > 0` of the prior of :math:`v`.
    noise_std : float or array_like
        :math:`\sigma > 0`, the standard deviation of each :math:`x_i` given :math:`v`.

    Returns
    -------
    Gaussian
        The posterior, batched over the broadcast batch shape.

    Raises
    ------
    ValueError, TypeError
        If ``x`` is empty or not finite, a standard deviation is not positive, or
        the shapes do not broadcast (the message names the argument and value).

    Examples
    --------
    >>> post = conjugate_gaussian_posterior([1.0, 2.0, 3.0], 0.0, 1.0, 1.0)
    >>> round(post.mean, 6), round(post.std ** 2, 6)  # 6/4 and 1/4
    (1.5, 0.25)

    See Also
    --------
    conjugate_gaussian_log_evidence : the normaliser :math:`\log p(x)`.
    gaussian_elbo : the ELBO of a Gaussian :math:`q`, largest at this posterior.
    """
    n, xbar, _, mu0, s0, sigma = _model(x, prior_mean, prior_std, noise_std)
    precision = 1.0 / np.square(s0) + n / np.square(sigma)
    mean = (np.asarray(mu0) / np.square(s0) + n * xbar / np.square(sigma)) / precision
    return Gaussian(_scalar_or_array(mean), _scalar_or_array(1.0 / np.sqrt(precision)))


def conjugate_gaussian_log_evidence(
    x: Any, prior_mean: Any, prior_std: Any, noise_std: Any
) -> float | np.ndarray:
    r"""The log-evidence :math:`\log p(x) = \log \int p(v) \prod_i p(x_i \mid v)\,dv`, in nats.

    With :math:`S = \sum_i (x_i - \bar x)^2`,

    .. math::

        \log p(x) = -N \log\big(\sigma\sqrt{2\pi}\big)
            - \tfrac12 \log\Big(1 + \frac{N\sigma_0^2}{\sigma^2}\Big)
            - \frac{S}{2\sigma^2} - \frac{N (\bar x - \mu_0)^2}{2(\sigma^2 + N\sigma_0^2)},

    the log-density of :math:`x \sim \mathcal N(\mu_0 \mathbf 1, \sigma^2 I + \sigma_0^2
    \mathbf 1 \mathbf 1^\top)` (its determinant and inverse by the matrix
    determinant lemma and Sherman–Morrison). Parameters as in
    :func:`conjugate_gaussian_posterior`.

    Examples
    --------
    One observation: :math:`x_1 \sim \mathcal N(\mu_0, \sigma^2 + \sigma_0^2)`.

    >>> from infolib.distributions import Gaussian
    >>> value = conjugate_gaussian_log_evidence([0.7], 0.2, 1.5, 0.5)
    >>> bool(abs(value - Gaussian(0.2, (1.5**2 + 0.5**2) ** 0.5).log_prob(0.7)) < 1e-14)
    True

    See Also
    --------
    conjugate_gaussian_posterior, gaussian_elbo
    """
    n, xbar, ss, mu0, s0, sigma = _model(x, prior_mean, prior_std, noise_std)
    s0_2, sigma_2 = np.square(s0), np.square(sigma)
    value = (-n * (np.log(sigma) + HALF_LOG_2PI) - 0.5 * np.log1p(n * s0_2 / sigma_2)
             - ss / (2.0 * sigma_2) - n * np.square(xbar - mu0) / (2.0 * (sigma_2 + n * s0_2)))
    return _scalar_or_array(value)


def gaussian_elbo(
    x: Any, q_mean: Any, q_std: Any, prior_mean: Any, prior_std: Any, noise_std: Any
) -> float | np.ndarray:
    r"""The ELBO of :math:`q = \mathcal N(\mu_q, \sigma_q^2)` in the conjugate model, in nats.

    :math:`\mathrm{ELBO}(q) = \E_q[\log p(x \mid V)] - D_{\mathrm{KL}}(q \,\|\, p_V)`, with
    :math:`p_V = \mathcal N(\mu_0, \sigma_0^2)` the prior and

    .. math::

        \E_q[\log p(x \mid V)] = -N \log\big(\sigma\sqrt{2\pi}\big)
            - \frac{S + N(\bar x - \mu_q)^2 + N\sigma_q^2}{2\sigma^2},

    the KL term by :meth:`Gaussian.kl_divergence`. It equals
    :math:`\log p(x) - D_{\mathrm{KL}}(q \,\|\, p(\cdot \mid x))`, so it is at most
    :math:`\log p(x)`, with equality exactly at the posterior.

    Parameters
    ----------
    x : array_like, shape (N,) or (N, *batch)
        The observations, as in :func:`conjugate_gaussian_posterior`.
    q_mean, q_std : float or array_like
        :math:`\mu_q` (finite) and :math:`\sigma_q > 0`; broadcast with the batch.
    prior_mean, prior_std, noise_std : float or array_like
        :math:`\mu_0`, :math:`\sigma_0 > 0`, :math:`\sigma > 0`.

    Raises
    ------
    ValueError, TypeError
        As :func:`conjugate_gaussian_posterior`, and for ``q_std <= 0``.

    Examples
    --------
    >>> x = [1.0, 2.0, 3.0]
    >>> post = conjugate_gaussian_posterior(x, 0.0, 1.0, 1.0)
    >>> at_post = gaussian_elbo(x, post.mean, post.std, 0.0, 1.0, 1.0)
    >>> bool(abs(at_post - conjugate_gaussian_log_evidence(x, 0.0, 1.0, 1.0)) < 1e-12)
    True
    >>> bool(gaussian_elbo(x, 0.0, 1.0, 0.0, 1.0, 1.0) < at_post)
    True

    See Also
    --------
    conjugate_gaussian_log_evidence, conjugate_gaussian_posterior
    infolib.montecarlo.monte_carlo_kl_divergence : a Monte Carlo estimate of :math:`-\mathrm{ELBO}`.
    """
    n, xbar, ss, mu0, s0, sigma = _model(x, prior_mean, prior_std, noise_std)
    m = as_parameter(q_mean, "q_mean", "real")
    s = as_parameter(q_std, "q_std", "positive")
    broadcast_shapes(x=xbar.shape, q_mean=np.shape(m), q_std=np.shape(s))
    sigma_2 = np.square(sigma)
    reconstruction = (-n * (np.log(sigma) + HALF_LOG_2PI)
                      - (ss + n * np.square(xbar - m) + n * np.square(s)) / (2.0 * sigma_2))
    prior_kl = Gaussian(m, s).kl_divergence(Gaussian(mu0, s0))
    return _scalar_or_array(reconstruction - prior_kl)


def kl_to_standard_normal(mean: Any, std: Any, *, axis: int = -1) -> float | np.ndarray:
    r"""The KL term of a VAE: a diagonal Gaussian to the standard normal :math:`\mathcal N(0, I)`.

    .. math::

        D_{\mathrm{KL}} = \frac12 \sum_{j=1}^d \big(\sigma_j^2 + \mu_j^2 - 1 - \log\sigma_j^2\big),

    summed along ``axis`` (the :math:`d` latent coordinates). Each
    :math:`\sigma_j^2 - 1 - \log\sigma_j^2` is evaluated as :math:`g(\sigma_j^2 - 1)`
    with :math:`g(u) = u - \log(1 + u)`, without cancellation near :math:`\sigma_j = 1`.

    Parameters
    ----------
    mean : array_like
        :math:`\mu`, finite; a batch of encoder means, the latent axis ``axis``.
    std : array_like
        :math:`\sigma > 0`, broadcasting with ``mean``.
    axis : int
        The latent axis, summed over.

    Returns
    -------
    float or ndarray
        The divergence in nats, one per batch entry (a float for one vector).

    Raises
    ------
    ValueError, TypeError
        If ``mean`` is not finite, ``std`` is not positive, the shapes do not
        broadcast or ``axis`` is out of range.

    Examples
    --------
    >>> round(kl_to_standard_normal([0.0, 0.0], [1.0, 1.0]), 12)
    0.0
    >>> round(kl_to_standard_normal([1.0, -2.0], [0.5, 2.0]), 6)  # (0.25 + log 4 + 7 - log 4) / 2
    3.625

    See Also
    --------
    infolib.distributions.MultivariateGaussian.kl_divergence : the general closed form.
    """
    mu = np.asarray(as_parameter(mean, "mean", "real"))
    sd = np.asarray(as_parameter(std, "std", "positive"))
    shape = broadcast_shapes(mean=mu.shape, std=sd.shape)
    if len(shape) == 0:
        raise ValueError("mean and std must have at least one dimension (the latent axis)")
    ax = normalize_axis(axis, len(shape))
    mu, sd = np.broadcast_to(mu, shape), np.broadcast_to(sd, shape)
    spread = u_minus_log1p_array((sd - 1.0) * (sd + 1.0))  # sigma^2 - 1 - log sigma^2
    return _scalar_or_array(0.5 * np.sum(spread + np.square(mu), axis=ax))
