package dk.vaerdig.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.access.StaffMember;
import dk.vaerdig.casework.internal.BookingExemptions;
import dk.vaerdig.casework.internal.BookingSlot;
import dk.vaerdig.casework.internal.Bookings;

/**
 * Selvbook for the signed-in candidate's own pages: the free slots in their window, their bookings, and booking,
 * moving and cancelling. Every method takes the candidate from the login ({@link OwnCourses#myId()}), never from the
 * request, so a candidate only ever books, sees and cancels their own; a slot id of another candidate's booking
 * answers as one that does not exist. The caller records reads in the audit log; changes are logged here.
 */
@Service
public class OwnBookings {

	/** The most free slots the page offers. */
	public static final int FREE_SLOTS_SHOWN = 40;

	public enum Outcome {
		BOOKED, MOVED, CANCELLED, ALREADY_DONE
	}

	/**
	 * @param id the slot's id
	 * @param startsAt when
	 * @param minutes how long
	 * @param form {@code IN_PERSON}, {@code PHONE} or {@code VIDEO}
	 * @param place where, for a meeting in person
	 * @param with the caseworker's name
	 */
	public record OwnSlot(long id, Instant startsAt, long minutes, String form, String place, String with) {
	}

	/** A booked slot, and until when the candidate may move or cancel it themselves. */
	public record OwnBooking(OwnSlot slot, boolean mayChange, Instant changeBy) {
	}

	/**
	 * What the booking page shows.
	 *
	 * @param open whether the candidate has an open course (else there is nothing to book)
	 * @param exempt whether a caseworker has exempted them from self-booking (they phone instead)
	 * @param firstDay the first day they may book, or null when their group has no rule
	 * @param lastDay the last day they may book
	 * @param free the free slots they may book, the soonest first
	 * @param booked their bookings that have not begun
	 * @param phone their caseworker's phone number, or null (then the job centre's)
	 */
	public record Page(boolean open, boolean exempt, LocalDate firstDay, LocalDate lastDay, List<OwnSlot> free,
			List<OwnBooking> booked, String phone) {
	}

	/** The slot went to someone else first. */
	public static class Taken extends RuntimeException {

		Taken() {
			super("selvbook.taken");
		}
	}

	/** A rule refuses it; the message key says which. */
	public static class Refused extends RuntimeException {

		Refused(String key) {
			super(key);
		}
	}

	private final OwnCourses courses;

	private final Bookings bookings;

	private final BookingExemptions exemptions;

	private final StaffDirectory staff;

	OwnBookings(OwnCourses courses, Bookings bookings, BookingExemptions exemptions, StaffDirectory staff) {
		this.courses = courses;
		this.bookings = bookings;
		this.exemptions = exemptions;
		this.staff = staff;
	}

	public Page page() {
		long me = courses.myId();
		Optional<Bookings.Booker> booker = bookings.booker(me);
		String phone = booker.flatMap(b -> staff.find(b.caseworker())).map(StaffMember::phone).orElse(null);
		if (booker.isEmpty() || booker.get().courseClosedOn() != null) {
			return new Page(false, false, null, null, List.of(), List.of(), phone);
		}
		Bookings.Booker b = booker.get();
		List<OwnBooking> booked = bookings.upcoming(me).stream().map(s -> {
			boolean may = bookings.mayChange(b, s);
			return new OwnBooking(slot(s), may, bookings.changeBy(b, s));
		}).toList();
		if (exemptions.inForce(me).isPresent()) {
			return new Page(true, true, null, null, List.of(), booked, phone);
		}
		var window = bookings.window(b);
		return new Page(true, false, window.map(w -> w.firstDay()).orElse(null), window.map(w -> w.lastDay()).orElse(null),
				bookings.freeSlots(b, FREE_SLOTS_SHOWN).stream().map(this::slot).toList(), booked, phone);
	}

	/** Books the slot, or moves the booking {@code moveFrom} to it. */
	public Outcome book(long slotId, Long moveFrom, UUID requestId) {
		try {
			return Outcome.valueOf(bookings.book(courses.myId(), slotId, moveFrom, requestId).name());
		}
		catch (Bookings.Taken e) {
			throw new Taken();
		}
		catch (Bookings.Refused e) {
			throw new Refused(e.getMessage());
		}
	}

	/** Cancels the booking of the slot and its meeting. */
	public Outcome cancel(long slotId, UUID requestId) {
		try {
			return Outcome.valueOf(bookings.cancel(courses.myId(), slotId, requestId).name());
		}
		catch (Bookings.Refused e) {
			throw new Refused(e.getMessage());
		}
	}

	/** One of the candidate's own booked slots (for the calendar file); another's answers as not found. */
	public OwnSlot booked(long slotId) {
		return slot(bookings.own(courses.myId(), slotId));
	}

	public long myId() {
		return courses.myId();
	}

	private OwnSlot slot(BookingSlot s) {
		return new OwnSlot(s.id(), s.startsAt(), s.minutes(), s.form(), s.place(),
				staff.find(s.caseworker()).map(StaffMember::displayName).orElse(null));
	}
}
