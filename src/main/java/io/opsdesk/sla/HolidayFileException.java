package io.opsdesk.sla;

/** A holiday file that cannot be read; the message names the file and, where it helps, the line. */
class HolidayFileException extends IllegalArgumentException {

    HolidayFileException(String message) {
        super(message);
    }

    HolidayFileException(String message, Throwable cause) {
        super(message, cause);
    }

    static HolidayFileException at(String source, int line, String problem) {
        return new HolidayFileException(source + " line " + line + ": " + problem);
    }
}
