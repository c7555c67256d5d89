"""Reader comments, an app of their own: the model (`models`), what a posted comment must pass
and what happens to it (`posting`), the rules (`rules`), moderation (`moderation`), the reader's
mails (`notifications`, `notify_views`), a commenter's own data (`personal_data`), what an
article page shows and takes (`views`) and the moderators' admin (`admin`). An article only
renders what these give it."""
