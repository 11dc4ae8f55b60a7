"""inami.Products: insurers' products from a products file (docs/allocation.md),
each product's terms, the split and projection with them, and every product
side by side as ``inami allocate --products FILE`` shows them."""

import collections
import dataclasses

from . import inami_native as _n
from ._allocate import Allocation, Projection, projection, split
from ._errors import InamiError
from ._ids import CONTRACT_TYPES
from ._util import bp_to_percent, euros_to_cents, text_arg

__all__ = ["Products", "Product", "Comparison", "ProductOutcome"]

# With a product the library applies the product's own contract type: any id will do.
_PRODUCTS_OWN = CONTRACT_TYPES[0]


@dataclasses.dataclass(frozen=True)
class Product:
    """One product of a products file. Percentages are ``*_bp`` ints (basis
    points), None where the file does not give them (NOT FOUND: never guessed);
    ``rates`` is a tuple of (deposit year or None for an undated rate, bp)."""

    id: str
    insurer: str
    name: str
    benefits: tuple
    source: str
    note: str
    contract_type: str
    provenance: str
    example: bool
    solidarity_bp: int
    entry_fee_bp: int
    management_fee_bp: int
    profit_sharing_bp: int
    rates: tuple

    @property
    def solidarity_share(self):
        """solidarity_bp as a decimal.Decimal percentage (None if not given)."""
        return bp_to_percent(self.solidarity_bp)

    @property
    def entry_fee(self):
        """entry_fee_bp as a decimal.Decimal percentage (None if not given)."""
        return bp_to_percent(self.entry_fee_bp)


_Missing = collections.namedtuple("Missing", ["term", "flag"])


@dataclasses.dataclass(frozen=True)
class ProductOutcome:
    """One product of a :class:`Comparison`: its split and projection; the
    terms neither the product nor the call gives (``missing``: (term, flag)
    pairs, the flag being the command line's); the library's message
    (``error``) when it refuses the product's terms."""

    id: str
    insurer: str
    example: bool
    allocation: Allocation = None
    projection: Projection = None
    error: str = None
    missing: tuple = ()

    def to_dict(self):
        """One item of "products" in ``inami allocate --products FILE --json``."""
        d = {"id": self.id, "insurer": self.insurer, "example": self.example}
        if self.allocation is not None:
            alloc = self.allocation.to_dict()
            alloc.pop("product", None)
            d.update(alloc)
        if self.projection is not None:
            d["projection"] = self.projection.to_dict()
        d["missing"] = [m._asdict() for m in self.missing]
        if self.error is not None:
            d["error"] = self.error
        return d


@dataclasses.dataclass(frozen=True)
class Comparison:
    """Every product side by side for one premium (:meth:`Products.compare`);
    iterating gives the :class:`ProductOutcome` of each product in file order."""

    premium_cents: int
    products: tuple

    def __iter__(self):
        return iter(self.products)

    def __len__(self):
        return len(self.products)

    def to_dict(self):
        """The document of ``inami allocate --products FILE --json``."""
        return {"premium_cents": self.premium_cents,
                "products": [p.to_dict() for p in self.products]}


def _product(t):
    (pid, insurer, name, benefits, source, note, ctype, prov, example, sol, fee, mgmt, profit,
     rates) = t
    return Product(pid, insurer, name,
                   tuple(b.strip() for b in benefits.split(",") if b.strip()), source, note,
                   ctype, prov, example, sol, fee, mgmt, profit,
                   tuple((year or None, bp) for year, bp in rates))


class Products:
    """Insurance products loaded from a products file (immutable; thread-safe).

    ``Products.load(path)`` or ``Products.from_string(text)``; ``len()``,
    iteration (:class:`Product`), ``products["id"]``, ``ids``; then
    :meth:`allocate`, :meth:`project` with one product's terms and
    :meth:`compare` for all of them.
    """

    def __init__(self, _handle):
        # Use Products.load() or Products.from_string().
        self._h = _handle
        self._items = tuple(_product(_n.inami_py_product(self._h, i))
                            for i in range(_n.inami_products_count(self._h)))

    @classmethod
    def load(cls, path):
        """Load a products file; ParseError says file:line and why, InamiIOError if unreadable."""
        return cls(_n.inami_py_products_load(text_arg(path, "path"), None, None))

    @classmethod
    def from_string(cls, text, name=None):
        """Products from the text of a products file; ``name`` names it in messages."""
        return cls(_n.inami_py_products_load(None, text_arg(text, "text"), name))

    @property
    def ids(self):
        """Product ids in file order."""
        return [p.id for p in self._items]

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __getitem__(self, product_id):
        try:
            return self._items[self.index(product_id)]
        except InamiError:
            raise KeyError(product_id) from None

    def index(self, product_id):
        """Position of ``product_id`` in file order (NotFoundError listing the known ids)."""
        return _n.inami_py_products_find(self._h, text_arg(product_id, "product_id"))

    def rate(self, product_id, deposit_year, *, assume=False):
        """The guaranteed rate of a product for deposits of ``deposit_year``: (bp, assumed).
        Only a rate dated that year is used unless ``assume``: then the latest earlier dated
        rate, or the undated one, stands for it and ``assumed`` is True. NoRulesError when
        no rate applies (never guessed)."""
        return _n.inami_py_products_rate(self._h, self.index(product_id), deposit_year, bool(assume))

    def allocate(self, product_id, premium, *, solidarity_share=None, entry_fee=None,
                 solidarity_base="net"):
        """Split ``premium`` with the terms of product ``product_id``
        (``inami allocate --products FILE --product ID``). A term given here
        overrides the product's; a term the file marks not_found must be given
        (NoRulesError otherwise). NotFoundError for an unknown id. Returns
        :class:`Allocation` (``product`` set)."""
        return split(self._h, text_arg(product_id, "product_id"), premium, solidarity_share,
                     entry_fee, _PRODUCTS_OWN, solidarity_base)

    def project(self, product_id, premium, *, years, first_year=None, guaranteed_rate=None,
                solidarity_share=None, entry_fee=None, solidarity_base="net",
                management_fee=None, profit_sharing=None, solidarity_levy=None, age=None,
                full_career=False, assume_rates=False):
        """:func:`inami.project` with product ``product_id``: its guaranteed rate
        per deposit year (``assume_rates``: an undated or earlier rate may stand
        for later years), fees and profit sharing, unless given here."""
        return projection(self._h, text_arg(product_id, "product_id"), premium, years=years,
                          first_year=first_year, guaranteed_rate=guaranteed_rate,
                          solidarity_share=solidarity_share, entry_fee=entry_fee,
                          contract_type=_PRODUCTS_OWN,
                          solidarity_base=solidarity_base, management_fee=management_fee,
                          profit_sharing=profit_sharing, solidarity_levy=solidarity_levy,
                          age=age, full_career=full_career, assume_rates=assume_rates)

    def compare(self, premium, *, years=None, **terms):
        """Every product side by side for ``premium`` (``inami allocate --premium
        EUR --products FILE``): a :class:`Comparison` of one
        :class:`ProductOutcome` per product, with a projection when ``years`` is
        given. Each product is evaluated on its own terms; the keyword ``terms``
        (those of :meth:`project`) only fill the terms a product does not give.
        A term neither gives is listed in the outcome's ``missing`` (and that
        product's split or projection is left out); a product the library
        refuses carries its message in ``error``."""
        cents = euros_to_cents(premium, "premium")
        outcomes = []
        for p in self._items:
            own = {"solidarity_share": p.solidarity_bp, "entry_fee": p.entry_fee_bp,
                   "management_fee": p.management_fee_bp, "profit_sharing": p.profit_sharing_bp,
                   "guaranteed_rate": 1 if p.rates else None}
            used = {k: v for k, v in terms.items() if own.get(k) is None}
            wanted = ("solidarity_share", "entry_fee") + (
                ("management_fee", "guaranteed_rate") if years else ())
            missing = tuple(_Missing(t, "--" + t.replace("_", "-")) for t in wanted
                            if own[t] is None and used.get(t) is None)
            allocation = projection = error = None
            try:
                if not any(m.term in ("solidarity_share", "entry_fee") for m in missing):
                    allocation = self.allocate(p.id, premium, **{
                        k: used[k] for k in ("solidarity_share", "entry_fee", "solidarity_base")
                        if k in used})
                    if years and not missing:
                        projection = self.project(p.id, premium, years=years, **used)
            except InamiError as e:
                error = e.message
            outcomes.append(ProductOutcome(p.id, p.insurer, p.example, allocation, projection,
                                           error, missing))
        return Comparison(cents, tuple(outcomes))

    def __repr__(self):
        return "<inami.Products %s>" % (self.ids,)
