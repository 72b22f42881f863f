package dk.vaerdig.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The anonymity rule for every figure the app shows in aggregate (the evaluation's dashboard, its exports, the
 * complaints report): a count below the threshold (5 by default, configurable) is hidden, and so is its complement.
 * <ol>
 * <li>A cell with fewer than {@code threshold} is hidden.</li>
 * <li>A total below the threshold is hidden (then every cell is hidden too).</li>
 * <li>Where the total is shown, the hidden cells together can be worked out by subtraction (total minus the shown
 * cells). So their sum must not be small either: while the hidden non-empty cells add up to less than the threshold,
 * the smallest shown cell is hidden too. A single hidden cell therefore always takes a second one with it, and two
 * cells of 1 never stand alone. Where no shown cell is left, the total is hidden.</li>
 * </ol>
 * Empty cells (0) are hidden like any small cell, but they protect nothing: a reader may know that a group had none.
 */
public final class Anonymity {

	private Anonymity() {
	}

	/** Which cells are hidden (by index into the breakdown), and whether the total must be hidden. */
	public record Suppression(boolean[] cells, boolean total) {

		public boolean cell(int index) {
			return cells[index];
		}
	}

	/** Which cells to hide, by index into {@code cells}. */
	public static <T> boolean[] hidden(List<T> cells, ToLongFunction<T> count, int threshold, boolean totalShown) {
		return suppress(cells, count, threshold, totalShown).cells();
	}

	/** The rule on a breakdown whose total is the sum of its cells, shown unless the rule hides it. */
	public static <T> Suppression suppress(List<T> cells, ToLongFunction<T> count, int threshold, boolean totalShown) {
		return suppress(cells, count, threshold, totalShown, new boolean[cells.size()]);
	}

	/**
	 * The rule on a breakdown some of whose cells are hidden already (by the rule on another breakdown they belong to);
	 * those stay hidden and count towards the hidden sum.
	 */
	public static <T> Suppression suppress(List<T> cells, ToLongFunction<T> count, int threshold, boolean totalShown,
			boolean[] alreadyHidden) {
		int size = cells.size();
		long[] n = new long[size];
		boolean[] hide = new boolean[size];
		long total = 0;
		for (int i = 0; i < size; i++) {
			n[i] = count.applyAsLong(cells.get(i));
			total += n[i];
			hide[i] = alreadyHidden[i] || n[i] < threshold;
		}
		if (!totalShown) {
			return new Suppression(hide, true);
		}
		if (total < threshold) {
			Arrays.fill(hide, true);
			return new Suppression(hide, true);
		}
		while (true) {
			long hiddenSum = 0;
			for (int i = 0; i < size; i++) {
				hiddenSum += hide[i] ? n[i] : 0;
			}
			if (hiddenSum == 0 || hiddenSum >= threshold) {
				return new Suppression(hide, false);
			}
			int smallest = -1;
			for (int i = 0; i < size; i++) {
				if (!hide[i] && n[i] > 0 && (smallest < 0 || n[i] < n[smallest])) {
					smallest = i;
				}
			}
			if (smallest < 0) {
				return new Suppression(hide, true);
			}
			hide[smallest] = true;
		}
	}

	/**
	 * The rule on a two-level breakdown shown with its total, such as departments and their teams: each parent is the
	 * sum of its children, so a shown parent is the total of its children's breakdown as well. The rule is applied to
	 * the parents, to the children, and to the children of every shown parent, until nothing more is hidden.
	 * @param parentOf for each child, the index of its parent
	 * @return the parents' suppression and the children's
	 */
	public static Suppression[] nested(List<Long> parents, List<Long> children, int[] parentOf, int threshold) {
		boolean[] parentHidden = new boolean[parents.size()];
		boolean[] childHidden = new boolean[children.size()];
		boolean totalHidden = false;
		boolean changed = true;
		while (changed) {
			changed = false;
			Suppression p = suppress(parents, Long::longValue, threshold, true, parentHidden);
			Suppression c = suppress(children, Long::longValue, threshold, true, childHidden);
			totalHidden |= p.total() || c.total();
			changed |= copy(p.cells(), parentHidden) | copy(c.cells(), childHidden);
			for (int parent = 0; parent < parents.size(); parent++) {
				if (parentHidden[parent]) {
					continue;
				}
				List<Integer> mine = new ArrayList<>();
				for (int child = 0; child < children.size(); child++) {
					if (parentOf[child] == parent) {
						mine.add(child);
					}
				}
				boolean[] before = new boolean[mine.size()];
				for (int i = 0; i < mine.size(); i++) {
					before[i] = childHidden[mine.get(i)];
				}
				Suppression within = suppress(mine, children::get, threshold, true, before);
				for (int i = 0; i < mine.size(); i++) {
					if (within.cell(i) && !childHidden[mine.get(i)]) {
						childHidden[mine.get(i)] = true;
						changed = true;
					}
				}
				if (within.total()) {
					parentHidden[parent] = true;
					changed = true;
				}
			}
		}
		return new Suppression[] { new Suppression(parentHidden, totalHidden), new Suppression(childHidden, totalHidden) };
	}

	private static boolean copy(boolean[] from, boolean[] to) {
		boolean changed = false;
		for (int i = 0; i < from.length; i++) {
			if (from[i] && !to[i]) {
				to[i] = true;
				changed = true;
			}
		}
		return changed;
	}

	/** Whether a single count is shown on its own. */
	public static boolean shown(long count, int threshold) {
		return count >= threshold;
	}
}
