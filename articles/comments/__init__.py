"""Reader comments, a part of their own: the model (`models`), the form and its defences against
spam (`forms`), moderation (`moderation`), keeping cached pages fresh (`signals`), what an article
page shows and takes (`views`), and the admin for moderators (`admin`). An article only renders
what these give it."""
