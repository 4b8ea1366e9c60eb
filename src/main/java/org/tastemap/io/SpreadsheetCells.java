package org.tastemap.io;

import java.util.regex.Pattern;

/**
 * Protection of CSV cells meant for spreadsheets against formula injection (OWASP, "CSV
 * Injection"): a cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return is run as a formula by Excel, LibreOffice and Google Sheets, so it is written with a
 * leading apostrophe ({@code '=1+1}), which spreadsheets show as text. A plain decimal number
 * ({@code -0.25}, {@code +7}, {@code -1.5e3}) is a number to a spreadsheet, not a formula, and is
 * written as it is, so negative scores stay numbers.
 */
public final class SpreadsheetCells {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private SpreadsheetCells() {
    }

    /** {@code cell}, with an apostrophe in front when a spreadsheet would take it for a formula. */
    public static String protect(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        return risky && !NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }
}
