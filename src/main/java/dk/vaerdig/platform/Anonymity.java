package dk.vaerdig.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The anonymity rule for breakdowns: a cell with fewer answers than the threshold is hidden, and so is its
 * complement: when the total is shown and exactly one cell is hidden, it could be worked out by subtraction, so the
 * smallest other cell is hidden too.
 */
public final class Anonymity {

	private Anonymity() {
	}

	/** Which cells to hide, by index into {@code cells}. */
	public static <T> boolean[] hidden(List<T> cells, ToLongFunction<T> answers, int threshold, boolean totalShown) {
		boolean[] hide = new boolean[cells.size()];
		int hiddenCount = 0;
		for (int i = 0; i < cells.size(); i++) {
			long n = answers.applyAsLong(cells.get(i));
			if (n < threshold) {
				hide[i] = true;
				if (n > 0) {
					hiddenCount++;
				}
			}
		}
		if (totalShown && hiddenCount == 1) {
			List<Integer> shown = new ArrayList<>();
			for (int i = 0; i < cells.size(); i++) {
				if (!hide[i]) {
					shown.add(i);
				}
			}
			shown.stream().min(Comparator.comparingLong(i -> answers.applyAsLong(cells.get(i)))).ifPresent(i -> hide[i] = true);
		}
		return hide;
	}
}
