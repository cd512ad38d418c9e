import { Alert, Button, Chip, List, ListItem, ListItemText, Typography } from '@mui/material';
import { Link, useCreatePath, useGetIdentity, useGetList, useStore, useTranslate } from 'react-admin';
import { workQueue, type Governed, type Table, type WorkItem } from './work-queue';
import { may } from '../layout/access';
import { useOpenReviews } from '../reviews/ReviewsWaiting';
import { usePersonName } from '../common/people';

const ALL = { pagination: { page: 1, perPage: 200 }, sort: { field: 'key', order: 'ASC' as const } };

/** What waits for the signed-in person across rule sets, prompts, experiments and reference tables, each a link to where it is done. */
export const WorkQueue = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const personName = usePersonName();
  const { identity } = useGetIdentity();
  const rulesets = useGetList<Governed>('rulesets', ALL);
  const prompts = useGetList<Governed>('prompts', ALL);
  const experiments = useGetList<Governed>('experiments', ALL);
  const stopped = useGetList<Governed>('experiments', { ...ALL, filter: { archived: true } });
  const tables = useGetList<Table>('reference-tables', ALL);
  // Review requests are said just below (ReviewsWaiting): while one waits, « nothing waits » would be false.
  const openReviews = useOpenReviews();
  // Automatic stops this person has marked seen (experiment → the stop's time), in this browser: an experiment that
  // stopped itself had stayed first in everyone's list for good, nothing on its page able to clear it.
  const [seenHalts, setSeenHalts] = useStore<Record<string, string>>(`gabarit.seen_halts.${identity?.id ?? ''}`, {});
  const roles = identity?.['roles'] as string[] | undefined;
  if (!identity || !(may('submitVersion', roles) || may('reviewVersion', roles) || may('editReferenceTables', roles)))
    return null;
  // Nothing is said before every list is read: « nothing waits » must not flash while review requests load.
  if ([rulesets, prompts, experiments, stopped, tables, openReviews].some((list) => list.isPending)) return null;
  const items = workQueue(
    { rulesets: rulesets.data ?? [], prompts: prompts.data ?? [], experiments: experiments.data ?? [] },
    { id: String(identity.id), roles: roles ?? [] },
    (stopped.data ?? []).filter((record) => !record.halt || seenHalts[record.id] !== record.halt.at),
    tables.data ?? [],
  );
  // Two items of one name (a rule set and its copy, both « Routage de l'approbation des factures ») read as one
  // task twice: their keys tell them apart.
  const ids = new Map<string, Set<string>>();
  for (const item of items) ids.set(item.name, (ids.get(item.name) ?? new Set()).add(`${item.resource}/${item.id}`));
  const shownName = (item: WorkItem) => ((ids.get(item.name)?.size ?? 0) > 1 ? `${item.name} (${item.id})` : item.name);
  const target = (item: WorkItem) =>
    createPath({
      resource: item.resource,
      id: item.id,
      type: item.task === 'draft' || item.task === 'rejected' ? 'edit' : 'show',
    });
  return (
    <section aria-labelledby="work-queue-title">
      <Typography id="work-queue-title" variant="h2" sx={{ fontSize: '1.25rem', mb: 1 }}>
        {translate('gabarit.dashboard.work_title')}
      </Typography>
      {items.length === 0 ? (
        openReviews.total === 0 && (
          <Alert severity="success" sx={{ mb: 3 }}>
            {translate('gabarit.dashboard.work_none')}
          </Alert>
        )
      ) : (
        <List dense sx={{ mb: 2 }}>
          {items.map((item) => (
            <ListItem
              key={`${item.resource}/${item.id}/${item.version}/${item.task}`}
              divider
              secondaryAction={
                item.task === 'halted' && item.haltAt ? (
                  <Button
                    size="small"
                    aria-label={translate('gabarit.dashboard.mark_seen_named', { name: shownName(item) })}
                    onClick={() => setSeenHalts({ ...seenHalts, [item.id]: item.haltAt! })}
                  >
                    {translate('gabarit.dashboard.mark_seen')}
                  </Button>
                ) : undefined
              }
            >
              <Chip
                size="small"
                sx={{ mr: 2 }}
                color={
                  item.task === 'rejected' || item.task === 'table_rejected' || item.task === 'halted'
                    ? 'error'
                    : item.task === 'to_review' || item.task === 'table_change'
                      ? 'warning'
                      : 'default'
                }
                label={translate(`gabarit.dashboard.tasks.${item.task}`)}
              />
              <ListItemText
                primary={
                  <Link to={target(item)}>
                    {item.task === 'table_rejected'
                      ? translate('gabarit.dashboard.table_rejected_item', {
                          name: shownName(item),
                          by: item.rejectedBy && personName(item.rejectedBy),
                        })
                      : item.version === undefined
                        ? translate('gabarit.dashboard.table_item', {
                            name: shownName(item),
                            by: item.proposedBy && personName(item.proposedBy),
                          })
                        : translate('gabarit.dashboard.item', {
                            resource: translate(`resources.${item.resource}.name`, { smart_count: 1 }),
                            name: shownName(item),
                            version: translate('gabarit.lifecycle.version_n', { version: item.version }),
                          })}
                  </Link>
                }
                secondary={
                  item.metric
                    ? translate('gabarit.dashboard.halted_because', {
                        metric: translate(`gabarit.experiments.sequential.metrics.${item.metric}`),
                      })
                    : item.comment
                      ? translate('gabarit.dashboard.rejected_because', { comment: item.comment })
                      : undefined
                }
              />
            </ListItem>
          ))}
        </List>
      )}
    </section>
  );
};
