package be.inami;

import java.util.List;
import java.util.OptionalInt;

/**
 * An insurance product of a products file ({@link Products#product(String)}): who sells
 * it, its contract type and sourced figures. A percentage the file marks not_found or does
 * not give is empty (never guessed).
 *
 * @param id the product id ("example_pension")
 * @param insurer the insurer
 * @param name the commercial name
 * @param contractType the contract type
 * @param provenance how strong the product's source is
 * @param example true when the file marks the product as an example
 * @param benefits solidarity benefit ids ("premium_waiver"), empty if none given
 * @param source source URL(s) of its figures
 * @param note caveats, what is NOT FOUND; "" if none
 * @param solidarityShareBp share of the premium going to solidarity, basis points
 * @param entryFeeBp entry fee, basis points of the premium
 * @param managementFeeBp yearly management fee on the reserve, basis points
 * @param profitSharingBp yearly profit-sharing assumption on the reserve, basis points
 * @param rates the guaranteed rates the file gives, dated and undated
 */
public record Product(String id, String insurer, String name, ContractType contractType, Provenance provenance,
        boolean example, List<String> benefits, String source, String note, OptionalInt solidarityShareBp,
        OptionalInt entryFeeBp, OptionalInt managementFeeBp, OptionalInt profitSharingBp, List<Rate> rates) {

    /**
     * A guaranteed rate.
     *
     * @param depositYear the deposit year it is dated for; 0 when the source does not state it
     * @param bp the rate in basis points
     * @param assumed true when it stands for a year the file does not date ({@link Products#rate})
     */
    public record Rate(int depositYear, int bp, boolean assumed) {
    }
}
