package dev.lectern.interchange.pdf;

/**
 * One line of a page's text as the text stripper found it, in reading order, with where it is on the page (in
 * points from the top-left corner of the page as shown, rotation applied: {@code x} to {@code right} across,
 * {@code top} to {@code bottom}, the baseline, down) and its largest font size. Text on one line with a wide gap in
 * it (two columns side by side) is two lines here.
 */
record TextLine(String text, float x, float right, float top, float bottom, float size, float pageHeight) {

    /** Where the line's top is, as a fraction of the page's height (0 at the top, 1 at the bottom). */
    float position() {
        return pageHeight <= 0 ? 0 : Math.max(0, Math.min(1, top / pageHeight));
    }

    TextLine withText(String other) {
        return new TextLine(other, x, right, top, bottom, size, pageHeight);
    }
}
