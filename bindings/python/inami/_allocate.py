"""inami.allocate() and inami.project(): a premium split into entry fee,
solidarity and pension, and the pension parts projected to retirement.

Money is int cents (``*_cents``) with decimal.Decimal euro properties;
percentages are taken as Decimal/str/int percent ('10', '0.75') and converted
exactly by the library (inami_percent_parse); results give them as ``*_bp``
ints (basis points: 0.75 % is 75). Every rate, levy and minimum comes from
the library's sourced data, none from this code.
"""

import dataclasses
import datetime

from . import inami_native as _n
from ._ids import CONTRACT_TYPES, SOLIDARITY_BASES, code_of
from ._util import cents_to_euros, euros_to_cents, percent_to_bp

__all__ = ["allocate", "project", "Allocation", "Projection", "NotionalAnnuity"]

_UNSET = _n.INAMI_BP_UNSET


def _euros(field):
    """A read-only property: the int cents field ``field`` as decimal.Decimal euros."""
    return property(lambda self: cents_to_euros(getattr(self, field)),
                    doc="%s as decimal.Decimal euros." % field)


def _bp(value, what):
    """A percentage argument -> basis points, INAMI_BP_UNSET for None."""
    bp = percent_to_bp(value, what)
    return _UNSET if bp is None else bp


def _year(value, what):
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s must be an int, not %s" % (what, type(value).__name__))
    return value


@dataclasses.dataclass(frozen=True)
class Allocation:
    """A premium split; the parts add up to ``premium_cents`` exactly.

    ``fees_cents`` (entry fee), ``solidarity_cents``, ``pension_cents`` (the
    rest), the terms applied as ``entry_fee_bp`` and ``solidarity_bp``, and
    ``product`` (the product id, or None for explicit terms). ``premium``,
    ``fees``, ``solidarity`` and ``pension`` are the same in Decimal euros.
    ``to_dict()`` is the document of ``inami allocate --json``.
    """

    premium_cents: int
    fees_cents: int
    solidarity_cents: int
    pension_cents: int
    entry_fee_bp: int
    solidarity_bp: int
    product: str = None

    premium = _euros("premium_cents")
    fees = _euros("fees_cents")
    solidarity = _euros("solidarity_cents")
    pension = _euros("pension_cents")

    def to_dict(self):
        """The fields of ``inami allocate --json`` (with "product" for a product)."""
        d = {} if self.product is None else {"product": self.product}
        d.update((f.name, getattr(self, f.name)) for f in dataclasses.fields(self)
                 if f.name != "product")
        return d

    def __repr__(self):
        return "Allocation(premium=%s, fees=%s, solidarity=%s, pension=%s%s)" % (
            self.premium, self.fees, self.solidarity, self.pension,
            ", product=%r" % self.product if self.product else "")


@dataclasses.dataclass(frozen=True)
class NotionalAnnuity:
    """The notional annuity added to taxable income each year after the exit:
    ``base_bp`` of the taxable capital (``base_cents``), at ``rate_bp`` for the
    age at exit, ``yearly_cents`` for ``years`` years (rates from the data)."""

    base_bp: int
    base_cents: int
    rate_bp: int
    years: int
    yearly_cents: int

    base = _euros("base_cents")
    yearly = _euros("yearly_cents")

    def to_dict(self):
        """The "notional_annuity" object of ``inami allocate --json``."""
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class Projection:
    """Yearly premiums deposited from ``first_deposit_year`` and their capital on
    1 January of ``exit_year``, with its exit taxation (rates from the data).

    Money fields are int cents with Decimal euro properties (``capital``,
    ``net_capital``...); levies as ``*_bp``; ``solidarity_levy_is_maximum``
    (the levy was not given: its maximum was applied), ``rates_assumed`` (a
    product rate stood for an undated year), ``notional_annuity``
    (:class:`NotionalAnnuity`, None without an age). ``to_dict()`` is the
    "projection" object of ``inami allocate --years N --json``.
    """

    first_deposit_year: int
    exit_year: int
    premiums_cents: int
    fees_cents: int
    solidarity_cents: int
    pension_cents: int
    interest_cents: int
    profit_sharing_cents: int
    management_fees_cents: int
    capital_cents: int
    inami_levy_bp: int
    inami_levy_cents: int
    solidarity_levy_bp: int
    solidarity_levy_cents: int
    solidarity_levy_is_maximum: bool
    net_capital_cents: int
    rates_assumed: bool
    notional_annuity: NotionalAnnuity

    premiums = _euros("premiums_cents")
    interest = _euros("interest_cents")
    capital = _euros("capital_cents")
    net_capital = _euros("net_capital_cents")

    def to_dict(self):
        """The "projection" object of ``inami allocate --json``."""
        d = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        d["notional_annuity"] = self.notional_annuity.to_dict() if self.notional_annuity else None
        return d

    def __repr__(self):
        return "Projection(%d-%d, capital=%s, net_capital=%s)" % (
            self.first_deposit_year, self.exit_year - 1, self.capital, self.net_capital)


def _projection(first_year, years, t):
    (premiums, fees, solidarity, pension, interest, profit, management, capital, inami_bp,
     inami_levy, sol_bp, sol_levy, net, base_bp, base, rate_bp, ann_years, yearly, flags) = t
    annuity = None if flags & _n.INAMI_PROJ_NO_ANNUITY else NotionalAnnuity(
        base_bp, base, rate_bp, ann_years, yearly)
    return Projection(first_year, first_year + years, premiums, fees, solidarity, pension,
                      interest, profit, management, capital, inami_bp, inami_levy, sol_bp,
                      sol_levy, bool(flags & _n.INAMI_PROJ_LEVY_MAXIMUM), net,
                      bool(flags & _n.INAMI_PROJ_RATES_ASSUMED), annuity)


def split(products, product_id, premium, solidarity_share, entry_fee, contract_type,
          solidarity_base):
    """inami_allocate / inami_allocate_product -> Allocation (shared by Products)."""
    t = _n.inami_py_allocate(
        products, product_id, euros_to_cents(premium, "premium"),
        code_of(CONTRACT_TYPES, contract_type, "contract_type"),
        _bp(solidarity_share, "solidarity_share"), _bp(entry_fee, "entry_fee"),
        code_of(SOLIDARITY_BASES, solidarity_base, "solidarity_base"))
    return Allocation(*t, product=product_id)


def projection(products, product_id, premium, *, years, first_year=None, guaranteed_rate=None,
               solidarity_share=None, entry_fee=None, contract_type="social_pension",
               solidarity_base="net", management_fee=None, profit_sharing=None,
               solidarity_levy=None, age=None, full_career=False, assume_rates=False):
    """inami_project / inami_project_product -> Projection (shared by Products)."""
    years = _year(years, "years")
    first_year = datetime.date.today().year if first_year is None else _year(first_year, "first_year")
    t = _n.inami_py_project(
        products, product_id, euros_to_cents(premium, "premium"), years, first_year,
        _bp(guaranteed_rate, "guaranteed_rate"),
        code_of(CONTRACT_TYPES, contract_type, "contract_type"),
        _bp(solidarity_share, "solidarity_share"), _bp(entry_fee, "entry_fee"),
        code_of(SOLIDARITY_BASES, solidarity_base, "solidarity_base"),
        _bp(management_fee, "management_fee"), _bp(profit_sharing, "profit_sharing"),
        _bp(solidarity_levy, "solidarity_levy"), -1 if age is None else _year(age, "age"),
        int(bool(full_career)), _n.INAMI_RATE_ASSUME if assume_rates else 0)
    return _projection(first_year, years, t)


def allocate(premium, *, solidarity_share, entry_fee=0, contract_type="social_pension",
             solidarity_base="net"):
    """Split a premium into entry fee, solidarity and pension (``inami allocate``).

    Arguments:
      premium           euros (Decimal, str such as '1790.34', int; a float only
                        with at most two decimals), converted to cents exactly.
      solidarity_share  percent of the base going to solidarity ('10', Decimal,
                        int) (--solidarity-share); at least the sourced minimum
                        of a social pension contract.
      entry_fee         percent of the premium (--entry-fee), 0 by default.
      contract_type     'social_pension' (default), 'income_replacement' or
                        'death_cover' (--contract-type).
      solidarity_base   'net' (default: the premium after the entry fee) or
                        'premium' (--solidarity-on-premium).

    Fees and solidarity are rounded half up to the cent; the pension part is
    the rest, so the parts add up exactly. Returns an :class:`Allocation`.
    Raises RangeError (a share below the minimum, or above 100 %),
    NegativeValueError, InvalidArgumentError (a percentage with more than two
    decimals...). For a product's terms see :meth:`Products.allocate`.
    """
    return split(None, None, premium, solidarity_share, entry_fee, contract_type, solidarity_base)


def project(premium, *, years, guaranteed_rate, solidarity_share, first_year=None, entry_fee=0,
            contract_type="social_pension", solidarity_base="net", management_fee=0,
            profit_sharing=None, solidarity_levy=None, age=None, full_career=False):
    """Project ``years`` equal yearly premiums to retirement (``inami allocate
    --years N --guaranteed-rate PCT``).

    Each premium is split as :func:`allocate` does; its pension part is
    deposited on 1 January of its year (``first_year`` + i; default: this
    year, as the CLI) and earns ``guaranteed_rate`` (plus ``profit_sharing``,
    minus ``management_fee``, yearly percentages) until 1 January of
    ``first_year + years``. The capital then bears the INAMI levy and the
    solidarity levy (``solidarity_levy``: the rate due; None applies the
    maximum) from the sourced data; with ``age`` (at the exit) the notional
    annuity is computed (``full_career``: worked until the legal pension
    age). Percentages as in :func:`allocate`. Returns a :class:`Projection`.
    For a product's rates and fees see :meth:`Products.project`.
    """
    return projection(None, None, premium, years=years, first_year=first_year,
                      guaranteed_rate=guaranteed_rate, solidarity_share=solidarity_share,
                      entry_fee=entry_fee, contract_type=contract_type,
                      solidarity_base=solidarity_base, management_fee=management_fee,
                      profit_sharing=profit_sharing, solidarity_levy=solidarity_levy, age=age,
                      full_career=full_career)
