import be.inami.Evaluation;
import be.inami.EvaluationInput;
import be.inami.Profession;
import be.inami.Rules;

/**
 * A Java program using the installed inami.jar (tools/package-check.sh compiles and runs it
 * in a fresh system): the evaluation of the C example, printed as "amount_cents tier".
 */
public final class Client {
    private Client() {
    }

    public static void main(String[] args) {
        try (Rules rules = Rules.defaults()) {
            Evaluation e = rules.evaluate(
                    EvaluationInput.builder(Profession.PHYSIOTHERAPIST, 2022).prestations(2299).build());
            System.out.println(e.amountCents() + " " + e.tier());
        }
    }
}
