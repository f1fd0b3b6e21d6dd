// Plan cards: a workout plan (days and exercises) or a nutrition plan (targets and macros). Accepts the stored plan
// (GET /api/coach/plans/{id}) or, when that cannot be read, the summary the plan tool returned to the model.

import { h, words } from './dom.js';

// A stored plan (PlanResponse) carries its body under `workout` or `nutrition`.
function bodyOf(plan) {
  return plan?.workout || plan?.nutrition || plan?.body || plan;
}

export function planKind(plan) {
  if (plan?.nutrition) return 'nutrition';
  if (plan?.workout) return 'workout';
  const kind = String(plan?.kind || plan?.body?.kind || plan?.type || '').toLowerCase();
  if (kind.includes('nutrition')) return 'nutrition';
  if (kind.includes('workout')) return 'workout';
  const body = bodyOf(plan);
  if (body?.targetKcal !== undefined || body?.target_kcal !== undefined) return 'nutrition';
  return 'workout';
}

export function planCard(plan) {
  return planKind(plan) === 'nutrition' ? nutritionCard(plan) : workoutCard(plan);
}

function pick(obj, ...keys) {
  for (const k of keys) if (obj?.[k] !== undefined && obj?.[k] !== null) return obj[k];
  return undefined;
}

function workoutCard(plan) {
  const body = bodyOf(plan);
  const goal = pick(body, 'goal');
  const days = pick(body, 'daysPerWeek', 'days_per_week');
  const minutes = pick(body, 'sessionMinutes', 'session_minutes');
  const weeks = Array.isArray(body.weeks) ? body.weeks.length : pick(body, 'weeks');
  const split = pick(body, 'split');
  const firstWeek = Array.isArray(body.weeks) ? body.weeks[0]?.days || [] : pick(body, 'first_week', 'firstWeek') || [];
  const title = pick(plan, 'title') || `${words(goal) || 'Workout'} plan`;
  return h('article', { class: 'plan-card workout', 'aria-label': `Workout plan: ${title}`, dataset: { kind: 'workout' } },
    h('header', {},
      h('span', { class: 'plan-badge' }, 'Workout plan'),
      h('h3', {}, title)),
    h('ul', { class: 'plan-facts' },
      days && h('li', {}, h('strong', {}, days), ' days / week'),
      minutes && h('li', {}, h('strong', {}, minutes), ' min sessions'),
      weeks && h('li', {}, h('strong', {}, weeks), ' weeks'),
      split && h('li', {}, words(split))),
    h('ol', { class: 'plan-days' },
      firstWeek.map((day) => h('li', { class: 'plan-day' },
        h('h4', {}, `Day ${pick(day, 'dayNumber', 'day') ?? ''}`, pick(day, 'focus') ? ` · ${words(day.focus)}` : ''),
        h('ul', { class: 'exercises' }, (day.exercises || []).map((e) => exerciseItem(e)))))));
}

function exerciseItem(e) {
  if (typeof e === 'string') return h('li', {}, e);
  const sets = pick(e, 'sets');
  const lo = pick(e, 'repsMin', 'reps_min');
  const hi = pick(e, 'repsMax', 'reps_max');
  const unit = String(pick(e, 'unit') || 'REPS').toUpperCase();
  const range = lo === hi || hi === undefined ? `${lo}` : `${lo}–${hi}`;
  const dose = sets ? `${sets} × ${range}${unit.startsWith('SEC') ? ' s' : unit.startsWith('MIN') ? ' min' : ''}` : '';
  return h('li', {}, h('span', { class: 'ex-name' }, pick(e, 'name') || ''), dose && h('span', { class: 'ex-dose' }, dose));
}

function nutritionCard(plan) {
  const body = bodyOf(plan);
  const kcal = pick(body, 'targetKcal', 'target_kcal', 'calories');
  const protein = pick(body, 'proteinG', 'protein_g');
  const fat = pick(body, 'fatG', 'fat_g');
  const carbs = pick(body, 'carbsG', 'carbs_g');
  const meals = Array.isArray(body.meals) ? body.meals : [];
  const title = pick(plan, 'title') || `${words(pick(body, 'goal')) || 'Nutrition'} plan`;
  const total = (protein || 0) * 4 + (fat || 0) * 9 + (carbs || 0) * 4;
  const share = (g, k) => (total ? Math.round((g * k * 100) / total) : 0);
  return h('article', { class: 'plan-card nutrition', 'aria-label': `Nutrition plan: ${title}`, dataset: { kind: 'nutrition' } },
    h('header', {},
      h('span', { class: 'plan-badge' }, 'Nutrition plan'),
      h('h3', {}, title)),
    h('p', { class: 'kcal' }, h('strong', {}, kcal ?? '—'), ' kcal / day'),
    h('ul', { class: 'macros' },
      macro('Protein', protein, share(protein, 4), 'protein'),
      macro('Carbs', carbs, share(carbs, 4), 'carbs'),
      macro('Fat', fat, share(fat, 9), 'fat')),
    meals.length > 0 && h('ol', { class: 'meals' }, meals.map((m) => h('li', {},
      h('span', {}, pick(m, 'label', 'name') || `Meal ${pick(m, 'mealNumber') ?? ''}`), ' ',
      h('span', { class: 'muted' }, `${pick(m, 'kcal', 'targetKcal') ?? ''} kcal`)))));
}

function macro(label, grams, pct, cls) {
  return h('li', { class: `macro ${cls}` },
    h('span', { class: 'macro-label' }, label),
    h('span', { class: 'macro-grams' }, grams !== undefined ? `${grams} g` : '—'),
    h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { style: `width:${pct}%` })));
}

/** Finds plan ids in a tool result (the plan tools answer {"plan_id": …, "kind": …}). */
export function planFromToolResult(result) {
  let value = result?.result ?? result?.output ?? result?.content ?? result;
  if (typeof value === 'string') {
    try { value = JSON.parse(value); } catch { return null; }
  }
  if (value && (value.plan_id || value.planId)) return value;
  return null;
}
