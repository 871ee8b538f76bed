export function auditsHref(projectId: string): string {
  return `/project/${encodeURIComponent(projectId)}/audits`;
}

export function auditWeekHref(projectId: string, week: string): string {
  return `${auditsHref(projectId)}/${encodeURIComponent(week)}`;
}
