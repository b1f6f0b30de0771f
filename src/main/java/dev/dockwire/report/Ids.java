package dev.dockwire.report;

/** Element ids made of names users chose: kept to the characters an id and a URL fragment take as they are. */
final class Ids {
    private Ids() {
    }

    /** {@code kind-part-part...}, each character outside {@code [A-Za-z0-9_.-]} as {@code _}. */
    static String of(String kind, String... parts) {
        StringBuilder sb = new StringBuilder(kind);
        for (String p : parts) {
            sb.append('-');
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                sb.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-') ? c : '_');
            }
        }
        return sb.toString();
    }
}
