package com.subscriptions.paging.control;

/** A list item and the cursor that points at it, kept together until the page is cut. */
public record Positioned<T>(T item, Cursor cursor) {
}
