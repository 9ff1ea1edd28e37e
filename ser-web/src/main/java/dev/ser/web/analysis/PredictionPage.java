package dev.ser.web.analysis;

import java.util.List;

/**
 * One page of {@code GET /api/v1/predictions}.
 *
 * @param page the page number, from 0
 * @param size the most items per page
 * @param total how many predictions the caller has in all
 * @param items this page's predictions, newest first
 */
public record PredictionPage(int page, int size, long total, List<PredictionJson> items) {}
