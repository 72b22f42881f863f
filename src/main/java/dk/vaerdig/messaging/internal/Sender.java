package dk.vaerdig.messaging.internal;

/** Delivers one message: the SMS gateway, the mail server, or the development log. */
interface Sender {

	/** Stored with a sent message: {@code sms-gateway}, {@code smtp} or {@code development}. */
	String name();

	/** Delivers the message, or throws saying why not (without personal data) and whether trying again may help. */
	void send(OutgoingMessage message) throws DeliveryFailed;

	/** An attempt that did not deliver; the reason holds no phone number, address or text. */
	class DeliveryFailed extends Exception {

		private final boolean permanent;

		DeliveryFailed(String reason, boolean permanent) {
			super(reason, null, false, false);
			this.permanent = permanent;
		}

		/** True when another attempt will fail the same way (the gateway refused the request itself). */
		boolean permanent() {
			return permanent;
		}
	}
}
