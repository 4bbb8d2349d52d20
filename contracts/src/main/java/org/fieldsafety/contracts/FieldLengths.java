package org.fieldsafety.contracts;

/**
 * The longest value of each text field a field report carries, in one place: intake refuses a longer one
 * (over HTTP and from {@code pms.complaints.v1}), the JSON Schemas of the messages that carry the field say
 * it as {@code maxLength}, and every column downstream that stores the field is at least this wide. A value
 * intake accepted must fit everywhere after it, or the service that cannot store it stops on it.
 */
public final class FieldLengths {

    public static final int PRODUCT_ID = 100;
    public static final int UDI_DI = 64;
    public static final int DEVICE_SERIAL = 255;
    public static final int SOFTWARE_VERSION = 64;
    public static final int SOFTWARE_ITEM = 100;
    public static final int FAULT_CODE = 100;
    public static final int DESCRIPTION = 4000;
    public static final int REPORTER_TYPE = 40;
    /** A PMS complaint's own id. */
    public static final int COMPLAINT_ID = 200;
    /** The earlier report a follow-up names ({@code followUpOf}). */
    public static final int FOLLOW_UP_OF = 200;
    /** How many attributes a report may carry, and the longest name and value of one. */
    public static final int ATTRIBUTES = 50;

    public static final int ATTRIBUTE_NAME = 64;
    public static final int ATTRIBUTE_VALUE = 1000;

    private FieldLengths() {}
}
